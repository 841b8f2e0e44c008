// A scratch-card batch's printable CSV (admins): asked for only when the button is pressed,
// over a plain request rather than the page's query cache, and handed to the browser as a
// file; the page keeps no copy of the passphrases it holds.

import { useState } from 'react';
import { stringifyDocument } from 'urql';
import { apiProblem, messageForCode, type ApiProblem } from '../api/errors';
import { GRAPHQL_PATH } from '../api/client';
import { useSession } from '../auth/SessionContext';
import { graphql } from '../gql';
import { csvFileName } from './scratch-cards';

const CsvQuery = graphql(`
  query ConsoleScratchCardsCsv($id: ID!) {
    scratchCardBatch(id: $id) {
      id
      csv
    }
  }
`);

export function DownloadCsv({ batchId, batchName }: { batchId: string; batchName: string }) {
  const { session } = useSession();
  const [problem, setProblem] = useState<ApiProblem | undefined>();
  const [busy, setBusy] = useState(false);
  const download = async (): Promise<void> => {
    setBusy(true);
    setProblem(undefined);
    try {
      const response = await fetch(GRAPHQL_PATH, {
        method: 'POST',
        headers: { 'content-type': 'application/json', ...(session !== undefined ? { authorization: `Bearer ${session.token}` } : {}) },
        body: JSON.stringify({ query: stringifyDocument(CsvQuery), variables: { id: batchId } }),
      });
      const body = (await response.json()) as { data?: { scratchCardBatch?: { csv?: string | null } }; errors?: { message: string; extensions?: Record<string, unknown> }[] };
      const csv = body.data?.scratchCardBatch?.csv;
      if (body.errors !== undefined && body.errors.length > 0) {
        setProblem(apiProblem({ graphQLErrors: body.errors }));
        return;
      }
      if (csv == null) {
        setProblem({ code: 'FORBIDDEN', message: messageForCode('FORBIDDEN'), fields: [] });
        return;
      }
      const link = document.createElement('a');
      link.href = URL.createObjectURL(new Blob([csv], { type: 'text/csv' }));
      link.download = csvFileName(batchName);
      link.click();
      setTimeout(() => URL.revokeObjectURL(link.href), 10_000);
    } catch {
      setProblem({ code: 'NETWORK', message: messageForCode('NETWORK'), fields: [] });
    } finally {
      setBusy(false);
    }
  };
  return (
    <>
      <button type="button" className="small" disabled={busy} onClick={() => void download()}>
        Download CSV
      </button>
      {problem !== undefined && (
        <span role="alert" className="field-problem" data-code={problem.code}>
          {problem.message} <code>{problem.code}</code>
        </span>
      )}
    </>
  );
}
