// Registering an API client for one of the caller's groups; its secret is shown once.

import { useId, useState, type FormEvent } from 'react';
import { useMutation } from 'urql';
import { graphql } from '../gql';
import { ErrorNote } from '../ui/ui';
import { OncePassphrase } from '../venues/OncePassphrase';
import { splitList } from './api-client-form';

const Register = graphql(`
  mutation ConsoleRegisterApiClient($input: RegisterApiClientInput!) {
    registerApiClient(input: $input) {
      clientSecret
      client {
        id
        clientId
        name
      }
    }
  }
`);

export function RegisterApiClientForm({ groups, onRegistered }: { groups: readonly { id: string; name: string }[]; onRegistered(): void }) {
  const [groupId, setGroupId] = useState(groups.length === 1 ? groups[0].id : '');
  const [name, setName] = useState('');
  const [scopes, setScopes] = useState('');
  const [redirectUris, setRedirectUris] = useState('');
  const [justification, setJustification] = useState('');
  const [confidential, setConfidential] = useState(true);
  const [shown, setShown] = useState<{ name: string; clientId: string; secret: string } | undefined>();
  const [result, register] = useMutation(Register);
  const id = useId();
  const submit = async (e: FormEvent): Promise<void> => {
    e.preventDefault();
    const answer = await register({
      input: { groupId, name: name.trim(), scopes: splitList(scopes), redirectUris: splitList(redirectUris), confidential, justification: justification.trim() === '' ? undefined : justification.trim() },
    });
    const created = answer.data?.registerApiClient;
    if (created === undefined) return;
    if (created.clientSecret != null) setShown({ name: created.client.name, clientId: created.client.clientId, secret: created.clientSecret });
    setName('');
    setScopes('');
    setRedirectUris('');
    setJustification('');
    onRegistered();
  };
  return (
    <form className="stacked" onSubmit={(e) => void submit(e)} aria-label="Register an API client">
      <label htmlFor={`${id}-group`}>Group</label>
      <select id={`${id}-group`} value={groupId} onChange={(e) => setGroupId(e.target.value)} required>
        <option value="">Choose a group</option>
        {groups.map((g) => (
          <option key={g.id} value={g.id}>
            {g.name}
          </option>
        ))}
      </select>
      <label htmlFor={`${id}-name`}>Name (shown to customers)</label>
      <input id={`${id}-name`} value={name} onChange={(e) => setName(e.target.value)} required maxLength={100} />
      <label htmlFor={`${id}-scopes`}>Scopes (one per line)</label>
      <textarea id={`${id}-scopes`} value={scopes} onChange={(e) => setScopes(e.target.value)} rows={3} required />
      <label htmlFor={`${id}-uris`}>Redirect URIs (none: client credentials only)</label>
      <textarea id={`${id}-uris`} value={redirectUris} onChange={(e) => setRedirectUris(e.target.value)} rows={2} />
      <label htmlFor={`${id}-why`}>Justification (required with sensitive scopes)</label>
      <input id={`${id}-why`} value={justification} onChange={(e) => setJustification(e.target.value)} />
      <label>
        <input type="checkbox" checked={confidential} onChange={(e) => setConfidential(e.target.checked)} /> Confidential (a server holding a secret)
      </label>
      <button type="submit" className="primary" disabled={result.fetching || groupId === ''}>
        Register client
      </button>
      <ErrorNote error={result.error} />
      {shown !== undefined && <OncePassphrase label={`Secret of ${shown.name} (${shown.clientId})`} value={shown.secret} onDone={() => setShown(undefined)} />}
    </form>
  );
}
