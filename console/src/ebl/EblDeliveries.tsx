// A provider's latest notifications, each with its attempts (HTTP status or error).

import { useQuery } from 'urql';
import { graphql } from '../gql';
import { Badge, ErrorNote, formatTime, Loading } from '../ui/ui';

const DeliveriesQuery = graphql(`
  query ConsoleEblDeliveries($apiClientId: ID!) {
    eblDeliveries(apiClientId: $apiClientId, limit: 50) {
      id
      mac
      accessId
      status
      createdAt
      finishedAt
      nextAttemptAt
      attempts {
        number
        at
        httpStatus
        error
      }
    }
  }
`);

export function EblDeliveries({ apiClientId, name }: { apiClientId: string; name: string }) {
  const [{ data, fetching, error }] = useQuery({ query: DeliveriesQuery, variables: { apiClientId }, requestPolicy: 'network-only' });
  if (data === undefined) return fetching ? <Loading what="deliveries" /> : <ErrorNote error={error} />;
  return (
    <ul className="plain" aria-label={`Deliveries to ${name}`}>
      {data.eblDeliveries.map((d) => (
        <li key={d.id}>
          <Badge tone={d.status === 'DELIVERED' ? 'ok' : d.status === 'FAILED' ? 'bad' : 'info'}>{d.status.toLowerCase()}</Badge> <code>{d.mac}</code> at {d.accessId},{' '}
          {formatTime(d.createdAt)}
          {d.nextAttemptAt != null ? `; next attempt ${formatTime(d.nextAttemptAt)}` : ''}
          <ol>
            {d.attempts.map((a) => (
              <li key={a.number}>
                {formatTime(a.at)}: {a.httpStatus != null ? `HTTP ${a.httpStatus}` : 'no answer'}
                {a.error != null ? ` — ${a.error}` : ''}
              </li>
            ))}
          </ol>
        </li>
      ))}
      {data.eblDeliveries.length === 0 && <li>No delivery yet.</li>}
    </ul>
  );
}
