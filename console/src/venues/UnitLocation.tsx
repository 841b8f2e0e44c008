// The location a unit is: its name, its customer and how many of its nodes are online (one
// small query per unit shown; the venue pages show units a page at a time).

import { useQuery } from 'urql';
import { href } from '../app/router';
import { graphql } from '../gql';

const UnitLocationQuery = graphql(`
  query ConsoleUnitLocation($id: ID!) {
    location(id: $id) {
      id
      name
      customer {
        id
        name
      }
      nodes {
        id
        connected
      }
    }
  }
`);

export function UnitLocation({ locationId }: { locationId: string }) {
  const [{ data, error }] = useQuery({ query: UnitLocationQuery, variables: { id: locationId } });
  const location = data?.location;
  if (location === undefined || location === null) return <span className="muted">{error !== undefined || location === null ? 'not readable' : '…'}</span>;
  const online = location.nodes.filter((n) => n.connected).length;
  return (
    <>
      <a href={href('/locations/:id', { id: location.id })}>{location.name}</a> of <a href={href('/customers/:id', { id: location.customer.id })}>{location.customer.name}</a>{' '}
      <span className="muted">
        ({online} of {location.nodes.length} node{location.nodes.length === 1 ? '' : 's'} online)
      </span>
    </>
  );
}
