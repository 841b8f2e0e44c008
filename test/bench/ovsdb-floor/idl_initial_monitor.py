# Child process of part 6: OVS's own Python IDL receives the initial monitor of one table.
# Like the libs/ovsdb client it fetches the schema from the server first (get_schema),
# registers the one table, and runs the IDL until its first change seqno, i.e. until the
# monitor reply is parsed into the IDL's rows. Prints the elapsed milliseconds as JSON.
# argv: remote (unix:<path>), table, expected rows.
import json
import sys
import time

import ovs.db.idl
import ovs.jsonrpc
import ovs.poller
import ovs.stream


def fetch_schema(remote):
    error, stream = ovs.stream.Stream.open_block(ovs.stream.Stream.open(remote))
    if error:
        raise RuntimeError("cannot connect to %s: %s" % (remote, error))
    rpc = ovs.jsonrpc.Connection(stream)
    error, reply = rpc.transact_block(
        ovs.jsonrpc.Message.create_request("get_schema", ["Open_vSwitch"]))
    rpc.close()
    if error or reply.error:
        raise RuntimeError("get_schema failed: %s" % (error or reply.error))
    return reply.result


def main():
    remote, table, expected = sys.argv[1], sys.argv[2], int(sys.argv[3])
    started = time.perf_counter()
    helper = ovs.db.idl.SchemaHelper(schema_json=fetch_schema(remote))
    helper.register_table(table)
    idl = ovs.db.idl.Idl(remote, helper)
    while idl.change_seqno == 0:
        idl.run()
        if idl.change_seqno != 0:
            break
        poller = ovs.poller.Poller()
        idl.wait(poller)
        poller.block()
    elapsed = (time.perf_counter() - started) * 1000
    rows = len(idl.tables[table].rows)
    idl.close()
    if rows != expected:
        raise RuntimeError("IDL holds %d rows, expected %d" % (rows, expected))
    print(json.dumps({"timings": [elapsed]}))


main()
