// The start page: the search (the box in the bar) and what the agent can do from here.

import { useSession } from '../auth/SessionContext';
import { PageTitle } from '../ui/ui';

export function HomePage() {
  const { session } = useSession();
  return (
    <section>
      <PageTitle sub={`Signed in as ${session?.user.email ?? ''}`}>Search</PageTitle>
      <p>
        Type in the search box above (or press <kbd>/</kbd>): a customer&apos;s name, email or account id, a node serial, a location
        service id or a client MAC address. Use <kbd>↑</kbd> <kbd>↓</kbd> and <kbd>Enter</kbd> to open a result.
      </p>
    </section>
  );
}
