// Creating a group (platform admins).

import { useId, useState, type FormEvent } from 'react';
import { useMutation } from 'urql';
import { graphql } from '../gql';
import { ErrorNote } from '../ui/ui';

const CreateGroup = graphql(`mutation ConsoleCreateGroup($name: String!) { createGroup(input: { name: $name }) { id name } }`);

export function NewGroupForm({ onCreated }: { onCreated(): void }) {
  const [name, setName] = useState('');
  const [{ fetching, error }, create] = useMutation(CreateGroup);
  const id = useId();
  const submit = async (event: FormEvent): Promise<void> => {
    event.preventDefault();
    if (name.trim() === '') return;
    const result = await create({ name: name.trim() });
    if (result.error === undefined) {
      setName('');
      onCreated();
    }
  };
  return (
    <form className="filters" onSubmit={(e) => void submit(e)} aria-label="Create a group">
      <label htmlFor={`${id}-name`}>
        New group <input id={`${id}-name`} value={name} maxLength={100} required onChange={(e) => setName(e.target.value)} />
      </label>
      <button type="submit" className="primary" disabled={fetching || name.trim() === ''}>
        Create group
      </button>
      <ErrorNote error={error} />
    </form>
  );
}
