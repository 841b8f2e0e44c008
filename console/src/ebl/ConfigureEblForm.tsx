// Configuring an EBL provider: which API client it authenticates as, where notifications go
// and what accessID carries; every location of the group (a list of locations: through the
// API). A new provider's signing secret is shown once.

import { useId, useState, type FormEvent } from 'react';
import { useMutation } from 'urql';
import { graphql } from '../gql';
import { ErrorNote } from '../ui/ui';
import { OncePassphrase } from '../venues/OncePassphrase';

const Configure = graphql(`
  mutation ConsoleConfigureEbl($input: EblProviderInput!) {
    configureEblProvider(input: $input) {
      secret
      provider {
        apiClientId
      }
    }
  }
`);

export function ConfigureEblForm({ groupId, clients, onDone }: { groupId: string; clients: readonly { id: string; name: string }[]; onDone(): void }) {
  const [apiClientId, setApiClientId] = useState('');
  const [url, setUrl] = useState('');
  const [source, setSource] = useState<'SERVICE_ID' | 'LOCATION_ID'>('SERVICE_ID');
  const [secret, setSecret] = useState<string | undefined>();
  const [result, configure] = useMutation(Configure);
  const id = useId();
  const submit = async (e: FormEvent): Promise<void> => {
    e.preventDefault();
    const answer = await configure({ input: { groupId, apiClientId, notificationUrl: url.trim(), accessIdSource: source, locationScope: 'ALL_LOCATIONS' } });
    const done = answer.data?.configureEblProvider;
    if (done === undefined) return;
    setSecret(done.secret ?? undefined);
    onDone();
  };
  return (
    <form className="stacked" onSubmit={(e) => void submit(e)} aria-label="Configure a provider">
      <label htmlFor={`${id}-client`}>API client</label>
      <select id={`${id}-client`} value={apiClientId} onChange={(e) => setApiClientId(e.target.value)} required>
        <option value="">Choose an API client</option>
        {clients.map((c) => (
          <option key={c.id} value={c.id}>
            {c.name}
          </option>
        ))}
      </select>
      <label htmlFor={`${id}-url`}>Notification URL</label>
      <input id={`${id}-url`} type="url" value={url} onChange={(e) => setUrl(e.target.value)} required placeholder="https://provider.example/ebl/notification" />
      <label htmlFor={`${id}-source`}>accessID carries</label>
      <select id={`${id}-source`} value={source} onChange={(e) => setSource(e.target.value === 'LOCATION_ID' ? 'LOCATION_ID' : 'SERVICE_ID')}>
        <option value="SERVICE_ID">the location&apos;s service id</option>
        <option value="LOCATION_ID">the location id</option>
      </select>
      <p className="muted">Notifications cover every location of the group.</p>
      <button type="submit" className="primary" disabled={result.fetching || apiClientId === ''}>
        Save provider
      </button>
      <ErrorNote error={result.error} />
      {secret !== undefined && <OncePassphrase label="Signing secret" value={secret} onDone={() => setSecret(undefined)} />}
    </form>
  );
}
