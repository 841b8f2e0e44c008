// One operation: its state and progress, live over deviceOperationProgress, its targets
// (failure in words, the log archive to download for log pulls) and the controls.

import { useQuery, useSubscription } from 'urql';
import type { Params } from '../app/router';
import { graphql } from '../gql';
import { Badge, ErrorNote, formatTime, Loading, PageTitle } from '../ui/ui';
import { DownloadLogs } from './DownloadLogs';
import { KIND_WORDS, progressOf } from './operation-words';

const OperationQuery = graphql(`
  query ConsoleOperation($id: ID!) {
    deviceOperation(id: $id) {
      id
      kind
      state
      createdAt
      createdByEmail
      finishedAt
      targetCount
      progress {
        state
        count
      }
      targets(first: 100) {
        edges {
          node {
            id
            serial
            state
            detail
            failureCode
            logArchiveUrl
            finishedAt
          }
        }
      }
    }
  }
`);

const ProgressSubscription = graphql(`
  subscription ConsoleOperationProgress($id: ID!) {
    deviceOperationProgress(id: $id) {
      operationId
      state
      counts {
        state
        count
      }
    }
  }
`);

export function OperationPage({ params }: { params: Params }) {
  const [{ data, fetching, error }, refetch] = useQuery({ query: OperationQuery, variables: { id: params.id } });
  const [live] = useSubscription({ query: ProgressSubscription, variables: { id: params.id } }, (_prev, next) => {
    refetch({ requestPolicy: 'network-only' });
    return next;
  });
  const op = data?.deviceOperation;
  if (op === undefined) return fetching ? <Loading what="operation" /> : <ErrorNote error={error} />;
  const counts = live.data?.deviceOperationProgress.counts ?? op.progress;
  const state = live.data?.deviceOperationProgress.state ?? op.state;
  const p = progressOf(counts);
  return (
    <section>
      <PageTitle sub={`by ${op.createdByEmail}, ${formatTime(op.createdAt)}`}>{`${KIND_WORDS[op.kind] ?? op.kind} of ${op.targetCount} node${op.targetCount === 1 ? '' : 's'}`}</PageTitle>
      <p>
        <Badge tone={state === 'COMPLETED' ? 'ok' : state === 'RUNNING' || state === 'SCHEDULED' ? 'info' : 'muted'}>{state.toLowerCase()}</Badge>{' '}
        <progress max={100} value={p.percent} aria-label="Progress" /> {p.done}/{p.total} finished{p.failed > 0 ? `, ${p.failed} failed` : ''}
      </p>
      <div className="table-wrap">
        <table>
          <thead>
            <tr>
              <th scope="col">Node</th>
              <th scope="col">State</th>
              <th scope="col">Detail</th>
              <th scope="col">Finished</th>
            </tr>
          </thead>
          <tbody>
            {op.targets.edges.map(({ node: t }) => (
              <tr key={t.id}>
                <th scope="row">
                  <code>{t.serial}</code>
                </th>
                <td>{t.state.toLowerCase().replace(/_/g, ' ')}</td>
                <td>
                  {t.failureCode != null && <strong>{t.failureCode}: </strong>}
                  {t.detail ?? ''}
                  {t.logArchiveUrl != null && <DownloadLogs url={t.logArchiveUrl} serial={t.serial} />}
                </td>
                <td>{formatTime(t.finishedAt)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </section>
  );
}
