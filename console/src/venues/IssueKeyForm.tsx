// Issuing a personal key to the subscriber of a unit (admins): the unit's location's customer
// gets a key opening the unit and the common areas; the passphrase is shown once.

import { useId, useState, type FormEvent } from 'react';
import { useMutation, useQuery } from 'urql';
import { graphql } from '../gql';
import { ErrorNote } from '../ui/ui';
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

export function IssueKeyForm({ poolId, units, onIssued }: { poolId: string; units: readonly UnitChoice[]; onIssued(): void }) {
  const [unitId, setUnitId] = useState('');
  const [userPart, setUserPart] = useState('');
  const [shown, setShown] = useState<{ keyName: string; passphrase: string } | undefined>();
  const unit = units.find((u) => u.id === unitId);
  const [owner] = useQuery({ query: UnitCustomer, variables: { id: unit?.locationId ?? '' }, pause: unit === undefined });
  const customer = unit !== undefined ? owner.data?.location.customer : undefined;
  const [result, issue] = useMutation(Issue);
  const id = useId();
  const submit = async (e: FormEvent): Promise<void> => {
    e.preventDefault();
    if (customer === undefined || unit === undefined) return;
    const answer = await issue({ input: { poolId, customerId: customer.id, unitId: unit.id, userPart: userPart.trim() === '' ? undefined : userPart.trim() } });
    const key = answer.data?.issuePersonalKey;
    if (key?.passphrase != null) {
      setShown({ keyName: key.keyName, passphrase: key.passphrase });
      setUserPart('');
      onIssued();
    }
  };
  return (
    <form className="filters" onSubmit={(e) => void submit(e)} aria-label="Issue a key">
      <div>
        <label htmlFor={`${id}-unit`}>Unit</label>
        <select id={`${id}-unit`} value={unitId} onChange={(e) => setUnitId(e.target.value)} required>
          <option value="">Choose a unit</option>
          {units.map((u) => (
            <option key={u.id} value={u.id}>
              {u.name}
            </option>
          ))}
        </select>
      </div>
      <div>
        <label htmlFor={`${id}-part`}>Passphrase start (optional)</label>
        <input id={`${id}-part`} value={userPart} onChange={(e) => setUserPart(e.target.value)} autoComplete="off" maxLength={40} />
      </div>
      <p className="muted">{customer !== undefined ? `For ${customer.name}, the subscriber of ${unit?.name ?? ''}.` : 'The key goes to the subscriber of the unit.'}</p>
      <button type="submit" className="primary" disabled={customer === undefined || result.fetching}>
        Issue key
      </button>
      <ErrorNote error={result.error ?? owner.error} />
      {shown !== undefined && <OncePassphrase label={`Passphrase of ${shown.keyName}`} value={shown.passphrase} onDone={() => setShown(undefined)} />}
    </form>
  );
}
