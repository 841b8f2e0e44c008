// Rotate, suspend, resume or revoke one personal key (admins), confirmed first. A rotation
// makes a random passphrase, one from a chosen start, or takes an imported one; a generated
// passphrase is shown once.

import { useId, useState } from 'react';
import { useMutation } from 'urql';
import { graphql } from '../gql';
import { ConfirmDialog, ErrorNote } from '../ui/ui';
import { KEY_ACTION_TEXT, keyActions, type KeyAction } from './key-actions';
import { rotateKeyInput, USER_PART_MAX, type FieldProblem, type PassphraseSource } from './key-form';
import { OncePassphrase } from './OncePassphrase';

const Rotate = graphql(`mutation ConsoleRotateKey($id: ID!, $input: RotatePersonalKeyInput) { rotatePersonalKey(id: $id, input: $input) { id state rotatedAt passphrase } }`);
const Suspend = graphql(`mutation ConsoleSuspendKey($id: ID!) { suspendPersonalKey(id: $id) { id state } }`);
const Resume = graphql(`mutation ConsoleResumeKey($id: ID!) { resumePersonalKey(id: $id) { id state } }`);
const Revoke = graphql(`mutation ConsoleRevokeKey($id: ID!) { revokePersonalKey(id: $id) { id state revokedAt } }`);

export function KeyActions({ id, keyName, state, onChanged }: { id: string; keyName: string; state: string; onChanged?(): void }) {
  const [pending, setPending] = useState<KeyAction | undefined>();
  const [shown, setShown] = useState<string | undefined>();
  const [source, setSource] = useState<PassphraseSource>('generated');
  const [userPart, setUserPart] = useState('');
  const [passphrase, setPassphrase] = useState('');
  const [problems, setProblems] = useState<FieldProblem[]>([]);
  const [rotate, doRotate] = useMutation(Rotate);
  const [suspend, doSuspend] = useMutation(Suspend);
  const [resume, doResume] = useMutation(Resume);
  const [revoke, doRevoke] = useMutation(Revoke);
  const formId = useId();
  const close = (): void => {
    setPending(undefined);
    setProblems([]);
    setUserPart('');
    setPassphrase('');
    setSource('generated');
  };
  const run = async (action: KeyAction): Promise<void> => {
    let ok: boolean;
    if (action === 'rotate') {
      const built = rotateKeyInput(source, userPart, passphrase);
      if ('problems' in built) {
        setProblems(built.problems);
        return;
      }
      const answer = await doRotate({ id, input: built.input });
      ok = answer.data !== undefined;
      if (ok && source === 'generated') setShown(answer.data?.rotatePersonalKey.passphrase ?? undefined);
    } else if (action === 'suspend') ok = (await doSuspend({ id })).data !== undefined;
    else if (action === 'resume') ok = (await doResume({ id })).data !== undefined;
    else ok = (await doRevoke({ id })).data !== undefined;
    close();
    if (ok) onChanged?.();
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
          onCancel={close}
          onConfirm={() => void run(pending)}
        >
          <p>{KEY_ACTION_TEXT[pending].consequence}</p>
          {pending === 'rotate' && (
            <fieldset>
              <legend>New passphrase</legend>
              <label>
                <input type="radio" name={`${formId}-source`} checked={source === 'generated'} onChange={() => setSource('generated')} /> Generated, shown once
              </label>
              {source === 'generated' && (
                <label>
                  Start (optional) <input value={userPart} onChange={(e) => setUserPart(e.target.value)} autoComplete="off" maxLength={USER_PART_MAX} />
                </label>
              )}
              <label>
                <input type="radio" name={`${formId}-source`} checked={source === 'imported'} onChange={() => setSource('imported')} /> Imported
              </label>
              {source === 'imported' && (
                <label>
                  Passphrase <input type="password" value={passphrase} onChange={(e) => setPassphrase(e.target.value)} autoComplete="new-password" maxLength={63} />
                </label>
              )}
              {problems.length > 0 && (
                <ul className="error-note" role="alert">
                  {problems.map((p) => (
                    <li key={p.field}>
                      <code>{p.field}</code>: {p.message}
                    </li>
                  ))}
                </ul>
              )}
            </fieldset>
          )}
        </ConfirmDialog>
      )}
    </div>
  );
}
