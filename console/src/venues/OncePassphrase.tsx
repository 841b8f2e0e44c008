// A passphrase or secret the API returns once: shown until the agent says it was handed over;
// the page keeps no copy afterwards.

export function OncePassphrase({ label, value, onDone }: { label: string; value: string; onDone(): void }) {
  return (
    <div className="once-secret" role="status" aria-label={label}>
      <p>
        <strong>{label}</strong> (shown once, copy it now): <code className="secret">{value}</code>
      </p>
      <button type="button" className="small" onClick={onDone}>
        Done
      </button>
    </div>
  );
}
