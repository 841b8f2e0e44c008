// The log archive of a LOG_PULL target is served with the bearer token (not as a plain
// link): fetched with it, then handed to the browser as a file.

import { useState } from 'react';
import { messageForCode } from '../api/errors';
import { useSession } from '../auth/SessionContext';

export function DownloadLogs({ url, serial }: { url: string; serial: string }) {
  const { session } = useSession();
  const [problem, setProblem] = useState<string | undefined>();
  const [busy, setBusy] = useState(false);
  const download = async (): Promise<void> => {
    setBusy(true);
    setProblem(undefined);
    try {
      const response = await fetch(url, { headers: session !== undefined ? { authorization: `Bearer ${session.token}` } : {} });
      if (!response.ok) {
        setProblem(messageForCode(response.status === 401 ? 'UNAUTHENTICATED' : response.status === 404 ? 'NOT_FOUND' : 'INTERNAL'));
        return;
      }
      const name = /filename="?([^";]+)"?/.exec(response.headers.get('content-disposition') ?? '')?.[1] ?? `logs-${serial}.tar.gz`;
      const link = document.createElement('a');
      link.href = URL.createObjectURL(await response.blob());
      link.download = name;
      link.click();
      setTimeout(() => URL.revokeObjectURL(link.href), 10_000);
    } catch {
      setProblem(messageForCode('NETWORK'));
    } finally {
      setBusy(false);
    }
  };
  return (
    <>
      <button type="button" className="small" disabled={busy} onClick={() => void download()}>
        Download logs
      </button>
      {problem !== undefined && (
        <span role="alert" className="field-problem">
          {problem}
        </span>
      )}
    </>
  );
}
