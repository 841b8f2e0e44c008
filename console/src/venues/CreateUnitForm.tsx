// Making a location of the venue's group a unit or common area (admins): find the customer,
// choose one of their locations not yet in this venue, name the unit.

import { useId, useState, type FormEvent } from 'react';
import { useMutation, useQuery } from 'urql';
import { graphql } from '../gql';
import { ErrorNote } from '../ui/ui';
import { CustomerPicker, type PickedCustomer } from './CustomerPicker';
import { freeLocations, type UnitLike } from './venue-layout';

const CustomerLocations = graphql(`
  query ConsoleCustomerLocations($id: ID!) {
    customer(id: $id) {
      id
      locations {
        id
        name
      }
    }
  }
`);
const CreateUnit = graphql(`
  mutation ConsoleCreateUnit($input: CreateVenueUnitInput!) {
    createVenueUnit(input: $input) {
      id
      name
      kind
      locationId
    }
  }
`);

export function CreateUnitForm({ venueId, groupId, units, onCreated }: { venueId: string; groupId: string; units: readonly UnitLike[]; onCreated(): void }) {
  const [customer, setCustomer] = useState<PickedCustomer | undefined>();
  const [locationId, setLocationId] = useState('');
  const [name, setName] = useState('');
  const [kind, setKind] = useState<'UNIT' | 'COMMON_AREA'>('UNIT');
  const [done, setDone] = useState<string | undefined>();
  const [locations] = useQuery({ query: CustomerLocations, variables: { id: customer?.id ?? '' }, pause: customer === undefined });
  const [result, create] = useMutation(CreateUnit);
  const id = useId();
  const choices = freeLocations(locations.data?.customer.locations ?? [], units);
  const submit = async (e: FormEvent): Promise<void> => {
    e.preventDefault();
    const answer = await create({ input: { venueId, locationId, name: name.trim(), kind } });
    if (answer.data !== undefined) {
      setDone(answer.data.createVenueUnit.name);
      setName('');
      setLocationId('');
      setCustomer(undefined);
      onCreated();
    }
  };
  return (
    <form className="card form-card" onSubmit={(e) => void submit(e)} aria-label="Add a unit">
      <h3>Add a unit or common area</h3>
      <CustomerPicker
        groupId={groupId}
        label="Customer of the location"
        value={customer}
        onChange={(c) => {
          setCustomer(c);
          setLocationId('');
        }}
      />
      {customer !== undefined && (
        <div>
          <label htmlFor={`${id}-location`}>Location</label>
          <select id={`${id}-location`} value={locationId} onChange={(e) => setLocationId(e.target.value)} required>
            <option value="">{choices.length === 0 && locations.data !== undefined ? 'No location left (all are units here)' : 'Choose a location'}</option>
            {choices.map((l) => (
              <option key={l.id} value={l.id}>
                {l.name}
              </option>
            ))}
          </select>
        </div>
      )}
      <div>
        <label htmlFor={`${id}-name`}>Unit name</label>
        <input id={`${id}-name`} value={name} onChange={(e) => setName(e.target.value)} maxLength={200} required placeholder="Apt 4B, Lobby" />
      </div>
      <fieldset>
        <legend>Kind</legend>
        <label>
          <input type="radio" name={`${id}-kind`} checked={kind === 'UNIT'} onChange={() => setKind('UNIT')} /> Unit (a subscriber's flat or office)
        </label>
        <label>
          <input type="radio" name={`${id}-kind`} checked={kind === 'COMMON_AREA'} onChange={() => setKind('COMMON_AREA')} /> Common area (every key of a pool works there)
        </label>
      </fieldset>
      <button type="submit" className="primary" disabled={locationId === '' || name.trim() === '' || result.fetching}>
        Add unit
      </button>
      {done !== undefined && result.error === undefined && <p role="status">{done} added.</p>}
      <ErrorNote error={result.error ?? locations.error} />
    </form>
  );
}
