// Clients of a location (connected now and seen in the last day), its usage per hour over
// the last day and the top talkers. A connected client can be disconnected (a client kick).

import { useMemo } from 'react';
import { useQuery } from 'urql';
import { href, type Params } from '../app/router';
import { graphql } from '../gql';
import { Badge, ErrorNote, formatTime, Loading, PageTitle } from '../ui/ui';
import { DisconnectClient } from './DisconnectClient';
import { UsageChart } from './UsageChart';

const ClientsQuery = graphql(`
  query ConsoleLocationClients($id: ID!, $from: DateTime!) {
    location(id: $id) {
      id
      name
      clients(connectedOnly: false) {
        mac
        nickname
        hostname
        connected
        band
        ip
        lastSeenAt
      }
      usage(bucket: HOUR, from: $from) {
        start
        rxBytes
        txBytes
      }
      topTalkers(first: 10, from: $from) {
        mac
        nickname
        rxBytes
        txBytes
      }
    }
  }
`);

function megabytes(n: number): string {
  return `${(n / 1e6).toFixed(1)} MB`;
}

export function ClientsPage({ params }: { params: Params }) {
  const from = useMemo(() => new Date(Date.now() - 24 * 3600_000).toISOString(), []);
  const [{ data, fetching, error }] = useQuery({ query: ClientsQuery, variables: { id: params.id, from } });
  const location = data?.location;
  if (location === undefined) return fetching ? <Loading what="clients" /> : <ErrorNote error={error} />;
  return (
    <section>
      <PageTitle sub={<a href={href('/locations/:id', { id: location.id })}>Back to {location.name}</a>}>{`Clients of ${location.name}`}</PageTitle>
      <h2>Usage, last 24 hours</h2>
      <UsageChart points={location.usage} label={`Usage of ${location.name} per hour over the last 24 hours`} />
      <div className="two-columns">
        <div>
          <h2>Clients</h2>
          <div className="table-wrap">
            <table>
              <thead>
                <tr>
                  <th scope="col">Client</th>
                  <th scope="col">State</th>
                  <th scope="col">Band</th>
                  <th scope="col">IP</th>
                  <th scope="col">Last seen</th>
                  <th scope="col">
                    <span className="visually-hidden">Actions</span>
                  </th>
                </tr>
              </thead>
              <tbody>
                {location.clients.map((c) => (
                  <tr key={c.mac}>
                    <th scope="row">
                      {c.nickname ?? c.hostname ?? ''} <code>{c.mac}</code>
                    </th>
                    <td>
                      <Badge tone={c.connected ? 'ok' : 'muted'}>{c.connected ? 'connected' : 'gone'}</Badge>
                    </td>
                    <td>{c.band ?? '—'}</td>
                    <td>{c.ip ?? '—'}</td>
                    <td>{formatTime(c.lastSeenAt)}</td>
                    <td>{c.connected && <DisconnectClient locationId={location.id} mac={c.mac} name={c.nickname ?? c.hostname ?? c.mac} />}</td>
                  </tr>
                ))}
                {location.clients.length === 0 && (
                  <tr>
                    <td colSpan={6}>No client in the last 24 hours.</td>
                  </tr>
                )}
              </tbody>
            </table>
          </div>
        </div>
        <div>
          <h2>Top talkers</h2>
          <ol className="plain">
            {location.topTalkers.map((t) => (
              <li key={t.mac}>
                {t.nickname ?? <code>{t.mac}</code>}: {megabytes(t.rxBytes)} down, {megabytes(t.txBytes)} up
              </li>
            ))}
            {location.topTalkers.length === 0 && <li>No traffic recorded.</li>}
          </ol>
        </div>
      </div>
    </section>
  );
}
