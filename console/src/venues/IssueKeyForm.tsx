// Issuing a personal key (admins): to the subscriber of a unit (the unit's location's
// customer, or another customer chosen), or for every location of the pool; the passphrase
// generated from an optional start or imported; an optional validity window in the venue's
// time zone. A generated passphrase is shown once.

import { useId, useState, type FormEvent } from 'react';
import { useMutation, useQuery } from 'urql';
import { graphql } from '../gql';
import { ErrorNote } from '../ui/ui';
import { CustomerPicker, type PickedCustomer } from './CustomerPicker';
import { issueKeyInput, USER_PART_MAX, type FieldProblem, type PassphraseSource } from './key-form';
import { OncePassphrase } from './OncePassphrase';

const UnitCustomer = graphql(`
  query ConsoleUnitCustomer($id: ID!) {
    location(id: $id) {
      id
      customer {
        id
        name
      }
    }
  }
`);
const Issue = graphql(`
  mutation ConsoleIssueKey($input: IssuePersonalKeyInput!) {
    issuePersonalKey(input: $input) {
      id
      keyName
      passphrase
    }
  }
`);

export interface UnitChoice {
  id: string;
  name: string;
  locationId: string;
}

export function IssueKeyForm(props: { poolId: string; groupId: string; timeZone: string; units: readonly UnitChoice[]; onIssued(): void }) {
  const [unitId, setUnitId] = useState('');
  const [other, setOther] = useState<PickedCustomer | undefined>();
  const [choosing, setChoosing] = useState(false);
  const [source, setSource] = useState<PassphraseSource>('generated');
  const [userPart, setUserPart] = useState('');
  const [passphrase, setPassphrase] = useState('');
  const [validFrom, setValidFrom] = useState('');
  const [validUntil, setValidUntil] = useState('');
  const [problems, setProblems] = useState<FieldProblem[]>([]);
  const [shown, setShown] = useState<{ keyName: string; passphrase: string } | undefined>();
  const [issuedImported, setIssuedImported] = useState<string | undefined>();
  const unit = props.units.find((u) => u.id === unitId);
  const [owner] = useQuery({ query: UnitCustomer, variables: { id: unit?.locationId ?? '' }, pause: unit === undefined });
  const unitCustomer = unit !== undefined ? owner.data?.location.customer : undefined;
  const wholePool = unitId === 'ALL';
  const customer = choosing || wholePool ? other : unitCustomer;
  const [result, issue] = useMutation(Issue);
  const id = useId();
  const submit = async (e: FormEvent): Promise<void> => {
    e.preventDefault();
    const built = issueKeyInput(props.poolId, { unitId: wholePool ? '' : unitId, customerId: customer?.id ?? '', source, userPart, passphrase, validFrom, validUntil }, props.timeZone);
    if ('problems' in built) {
      setProblems(built.problems);
      return;
    }
    setProblems([]);
    const answer = await issue({ input: built.input });
    const key = answer.data?.issuePersonalKey;
    if (key === undefined) return;
    if (source === 'generated' && key.passphrase != null) setShown({ keyName: key.keyName, passphrase: key.passphrase });
    else setIssuedImported(key.keyName);
    setUserPart('');
    setPassphrase('');
    props.onIssued();
  };
  return (
    <form className="card form-card" onSubmit={(e) => void submit(e)} aria-label="Issue a key">
      <h3>Issue a key</h3>
      <div>
        <label htmlFor={`${id}-unit`}>Unit</label>
        <select
          id={`${id}-unit`}
          value={unitId}
          onChange={(e) => {
            setUnitId(e.target.value);
            setChoosing(false);
            setOther(undefined);
          }}
          required
        >
          <option value="">Choose a unit</option>
          {props.units.map((u) => (
            <option key={u.id} value={u.id}>
              {u.name}
            </option>
          ))}
          <option value="ALL">No unit: every location of the pool</option>
        </select>
      </div>
      {unit !== undefined && !choosing && (
        <p className="muted">
          {unitCustomer !== undefined ? `For ${unitCustomer.name}, the subscriber of ${unit.name}.` : 'The key goes to the subscriber of the unit.'}{' '}
          <button type="button" className="small" onClick={() => setChoosing(true)}>
            Another subscriber
          </button>
        </p>
      )}
      {(choosing || wholePool) && <CustomerPicker groupId={props.groupId} label="Subscriber" value={other} onChange={setOther} />}
      <fieldset>
        <legend>Passphrase</legend>
        <label>
          <input type="radio" name={`${id}-source`} checked={source === 'generated'} onChange={() => setSource('generated')} /> Generated (shown once)
        </label>
        <label>
          <input type="radio" name={`${id}-source`} checked={source === 'imported'} onChange={() => setSource('imported')} /> Imported (typed here)
        </label>
      </fieldset>
      {source === 'generated' ? (
        <div>
          <label htmlFor={`${id}-part`}>Passphrase start (optional)</label>
          <input id={`${id}-part`} value={userPart} onChange={(e) => setUserPart(e.target.value)} autoComplete="off" maxLength={USER_PART_MAX} />
        </div>
      ) : (
        <div>
          <label htmlFor={`${id}-pass`}>Passphrase (8 to 63 characters)</label>
          <input id={`${id}-pass`} type="password" value={passphrase} onChange={(e) => setPassphrase(e.target.value)} autoComplete="new-password" maxLength={63} />
        </div>
      )}
      <div className="filters">
        <label>
          Valid from ({props.timeZone}) <input type="datetime-local" value={validFrom} onChange={(e) => setValidFrom(e.target.value)} />
        </label>
        <label>
          Valid until ({props.timeZone}) <input type="datetime-local" value={validUntil} onChange={(e) => setValidUntil(e.target.value)} />
        </label>
      </div>
      <p className="muted">Empty: from now, with no end.</p>
      {problems.length > 0 && (
        <ul className="error-note" role="alert" aria-label="Fix these fields">
          {problems.map((p) => (
            <li key={p.field}>
              <code>{p.field}</code>: {p.message}
            </li>
          ))}
        </ul>
      )}
      <button type="submit" className="primary" disabled={customer === undefined || result.fetching}>
        Issue key
      </button>
      <ErrorNote error={result.error ?? owner.error} />
      {issuedImported !== undefined && result.error === undefined && <p role="status">{issuedImported} issued with the imported passphrase.</p>}
      {shown !== undefined && <OncePassphrase label={`Passphrase of ${shown.keyName}`} value={shown.passphrase} onDone={() => setShown(undefined)} />}
    </form>
  );
}
