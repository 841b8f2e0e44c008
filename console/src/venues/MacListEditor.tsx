// Replacing or removing a network's MAC access list (admins): allow only the listed clients,
// or deny them. Clients a new list refuses are disconnected by the devices.

import { useId, useState, type FormEvent } from 'react';
import { useMutation } from 'urql';
import { graphql } from '../gql';
import { ErrorNote } from '../ui/ui';
import { macListProblem, parseMacList } from './mac-list';

const SetList = graphql(`
  mutation ConsoleSetMacList($networkId: ID!, $input: SetNetworkMacListInput!) {
    setNetworkMacList(networkId: $networkId, input: $input) {
      networkId
      mode
      macs
      updatedAt
    }
  }
`);
const ClearList = graphql(`mutation ConsoleClearMacList($networkId: ID!) { clearNetworkMacList(networkId: $networkId) }`);

export function MacListEditor({ networkId, label, current, onDone }: { networkId: string; label: string; current: { mode: string; macs: readonly string[] } | undefined; onDone(): void }) {
  const [mode, setMode] = useState<'ALLOW' | 'DENY'>(current?.mode === 'ALLOW' ? 'ALLOW' : 'DENY');
  const [text, setText] = useState((current?.macs ?? []).join('\n'));
  const [problem, setProblem] = useState<string | undefined>();
  const [saved, save] = useMutation(SetList);
  const [cleared, clear] = useMutation(ClearList);
  const id = useId();
  const submit = async (e: FormEvent): Promise<void> => {
    e.preventDefault();
    const parsed = parseMacList(text);
    const why = macListProblem(parsed);
    setProblem(why);
    if (why !== undefined) return;
    const answer = await save({ networkId, input: { mode, macs: parsed.macs } });
    if (answer.data !== undefined) onDone();
  };
  const remove = async (): Promise<void> => {
    const answer = await clear({ networkId });
    if (answer.data !== undefined) onDone();
  };
  return (
    <form className="card form-card" onSubmit={(e) => void submit(e)} aria-label={`MAC list of ${label}`}>
      <fieldset>
        <legend>Clients of {label}</legend>
        <label>
          <input type="radio" name={`${id}-mode`} checked={mode === 'DENY'} onChange={() => setMode('DENY')} /> Deny the listed clients
        </label>
        <label>
          <input type="radio" name={`${id}-mode`} checked={mode === 'ALLOW'} onChange={() => setMode('ALLOW')} /> Allow only the listed clients
        </label>
      </fieldset>
      <label htmlFor={`${id}-macs`}>MAC addresses, one per line</label>
      <textarea id={`${id}-macs`} rows={5} value={text} onChange={(e) => setText(e.target.value)} spellCheck={false} />
      {problem !== undefined && (
        <p className="error-note" role="alert">
          {problem}
        </p>
      )}
      <div className="actions">
        <button type="submit" className="primary" disabled={saved.fetching}>
          Save list
        </button>
        {current !== undefined && (
          <button type="button" className="danger" disabled={cleared.fetching} onClick={() => void remove()}>
            Remove the list
          </button>
        )}
        <button type="button" onClick={onDone}>
          Cancel
        </button>
      </div>
      <p className="muted">Clients the new list refuses are disconnected.</p>
      <ErrorNote error={saved.error ?? cleared.error} />
    </form>
  );
}
