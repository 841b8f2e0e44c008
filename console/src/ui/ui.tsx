// Small building blocks shared by the pages.

import { useEffect, useId, useRef, type ReactNode } from 'react';
import type { CombinedError } from 'urql';
import { apiProblem } from '../api/errors';

export function PageTitle({ children, sub }: { children: ReactNode; sub?: ReactNode }) {
  useEffect(() => {
    if (typeof children === 'string') document.title = `${children} — support console`;
  }, [children]);
  return (
    <header className="page-title">
      <h1>{children}</h1>
      {sub !== undefined && <p className="sub">{sub}</p>}
    </header>
  );
}

/** An API error in words (by its stable code), with the fields VALIDATION_FAILED names. */
export function ErrorNote({ error }: { error: CombinedError | undefined }) {
  const problem = apiProblem(error);
  if (problem === undefined) return null;
  return (
    <div className="error-note" role="alert" data-code={problem.code}>
      <strong>{problem.message}</strong> <code className="error-code">{problem.code}</code>
      {problem.detail !== undefined && <p className="error-detail">{problem.detail}</p>}
      {problem.fields.length > 0 && (
        <ul>
          {problem.fields.map((f) => (
            <li key={f.field}>
              <code>{f.field}</code>: {f.message}
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}

export function Loading({ what }: { what: string }) {
  return (
    <p className="loading" aria-live="polite">
      Loading {what}…
    </p>
  );
}

export function Badge({ tone, children }: { tone: 'ok' | 'warn' | 'bad' | 'muted' | 'info'; children: ReactNode }) {
  return <span className={`badge badge-${tone}`}>{children}</span>;
}

export function formatTime(iso: string | null | undefined): string {
  if (iso === null || iso === undefined) return '—';
  const date = new Date(iso);
  return Number.isNaN(date.getTime()) ? '—' : date.toLocaleString(undefined, { dateStyle: 'medium', timeStyle: 'short' });
}

/** A modal that says what will happen; focus goes to it and Escape cancels. */
export function ConfirmDialog(props: {
  title: string;
  children: ReactNode;
  confirmLabel: string;
  danger?: boolean;
  busy?: boolean;
  onConfirm(): void;
  onCancel(): void;
}) {
  const ref = useRef<HTMLDialogElement>(null);
  const id = useId();
  useEffect(() => {
    const dialog = ref.current;
    if (dialog !== null && !dialog.open) dialog.showModal();
  }, []);
  return (
    <dialog ref={ref} className="dialog" aria-labelledby={`${id}-title`} onCancel={props.onCancel}>
      <h2 id={`${id}-title`}>{props.title}</h2>
      <div className="dialog-body">{props.children}</div>
      <div className="dialog-actions">
        <button type="button" onClick={props.onCancel} autoFocus>
          Cancel
        </button>
        <button type="button" className={props.danger ? 'danger' : 'primary'} disabled={props.busy} onClick={props.onConfirm}>
          {props.confirmLabel}
        </button>
      </div>
    </dialog>
  );
}
