// Disconnecting a client from a location: a CLIENT_KICK operation on the location's nodes,
// confirmed first with what will happen (blocked for a while, then allowed back), then the
// operation's progress page.

import { useId, useState } from 'react';
import { useMutation } from 'urql';
import { href } from '../app/router';
import { graphql } from '../gql';
import { ConfirmDialog, ErrorNote } from '../ui/ui';

const Kick = graphql(`
  mutation ConsoleClientKick($input: CreateClientKickInput!) {
    createClientKickOperation(input: $input) {
      id
    }
  }
`);

/** Block durations offered, in seconds (the API takes 5 to 3600). */
export const BLOCK_CHOICES = [60, 300, 900, 3600] as const;

export function blockWords(seconds: number): string {
  return seconds < 60 ? `${seconds} seconds` : seconds === 60 ? '1 minute' : seconds < 3600 ? `${seconds / 60} minutes` : '1 hour';
}

export function DisconnectClient({ locationId, mac, name }: { locationId: string; mac: string; name: string }) {
  const [open, setOpen] = useState(false);
  const [seconds, setSeconds] = useState<number>(BLOCK_CHOICES[0]);
  const [result, kick] = useMutation(Kick);
  const id = useId();
  const start = async (): Promise<void> => {
    const answer = await kick({ input: { targets: { locationIds: [locationId] }, mac, blockForSeconds: seconds } });
    setOpen(false);
    const created = answer.data?.createClientKickOperation;
    if (created !== undefined) window.location.hash = href('/operations/:id', { id: created.id }).slice(1);
  };
  return (
    <>
      <button type="button" className="small" aria-label={`Disconnect ${name}`} onClick={() => setOpen(true)}>
        Disconnect
      </button>
      <ErrorNote error={result.error} />
      {open && (
        <ConfirmDialog title={`Disconnect ${name}?`} confirmLabel="Disconnect" danger busy={result.fetching} onCancel={() => setOpen(false)} onConfirm={() => void start()}>
          <p>
            The client <code>{mac}</code> is disconnected from every node of this location and blocked for {blockWords(seconds)}; then it may connect again by
            itself.
          </p>
          <label htmlFor={`${id}-block`}>Blocked for</label>
          <select id={`${id}-block`} value={seconds} onChange={(e) => setSeconds(Number(e.target.value))}>
            {BLOCK_CHOICES.map((s) => (
              <option key={s} value={s}>
                {blockWords(s)}
              </option>
            ))}
          </select>
        </ConfirmDialog>
      )}
    </>
  );
}
