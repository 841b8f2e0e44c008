// Rotate, suspend, resume or revoke one personal key (admins), confirmed first; a rotated
// passphrase is shown once.

import { useState } from 'react';
import { useMutation } from 'urql';
import { graphql } from '../gql';
import { ConfirmDialog, ErrorNote } from '../ui/ui';
import { KEY_ACTION_TEXT, keyActions, type KeyAction } from './key-actions';
import { OncePassphrase } from './OncePassphrase';

const Rotate = graphql(`mutation ConsoleRotateKey($id: ID!) { rotatePersonalKey(id: $id) { id state rotatedAt passphrase } }`);
const Suspend = graphql(`mutation ConsoleSuspendKey($id: ID!) { suspendPersonalKey(id: $id) { id state } }`);
const Resume = graphql(`mutation ConsoleResumeKey($id: ID!) { resumePersonalKey(id: $id) { id state } }`);
const Revoke = graphql(`mutation ConsoleRevokeKey($id: ID!) { revokePersonalKey(id: $id) { id state revokedAt } }`);

export function KeyActions({ id, keyName, state }: { id: string; keyName: string; state: string }) {
  const [pending, setPending] = useState<KeyAction | undefined>();
  const [shown, setShown] = useState<string | undefined>();
  const [rotate, doRotate] = useMutation(Rotate);
  const [suspend, doSuspend] = useMutation(Suspend);
  const [resume, doResume] = useMutation(Resume);
  const [revoke, doRevoke] = useMutation(Revoke);
  const run = async (action: KeyAction): Promise<void> => {
    if (action === 'rotate') {
      const answer = await doRotate({ id });
      setShown(answer.data?.rotatePersonalKey.passphrase ?? undefined);
    } else if (action === 'suspend') await doSuspend({ id });
    else if (action === 'resume') await doResume({ id });
    else await doRevoke({ id });
    setPending(undefined);
  };
  const busy = rotate.fetching || suspend.fetching || resume.fetching || revoke.fetching;
  return (
    <div className="actions" role="group" aria-label={`Actions on ${keyName}`}>
      {keyActions(state).map((a) => (
        <button key={a} type="button" className="small" onClick={() => setPending(a)}>
          {KEY_ACTION_TEXT[a].label}
        </button>
      ))}
      <ErrorNote error={rotate.error ?? suspend.error ?? resume.error ?? revoke.error} />
      {shown !== undefined && <OncePassphrase label={`New passphrase of ${keyName}`} value={shown} onDone={() => setShown(undefined)} />}
      {pending !== undefined && (
        <ConfirmDialog
          title={`${KEY_ACTION_TEXT[pending].label} ${keyName}?`}
          confirmLabel={KEY_ACTION_TEXT[pending].label}
          danger={KEY_ACTION_TEXT[pending].danger}
          busy={busy}
          onCancel={() => setPending(undefined)}
          onConfirm={() => void run(pending)}
        >
          <p>{KEY_ACTION_TEXT[pending].consequence}</p>
        </ConfirmDialog>
      )}
    </div>
  );
}
