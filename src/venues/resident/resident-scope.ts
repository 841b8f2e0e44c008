// The OAuth scope of the residents' own face (/resident/v0): a resident's app, signed in with
// the resident's customer credentials on the consent pages, reads and manages their keys
// and devices. Not sensitive: it reaches only the signed-in customer's own objects.

import { OAuthScopes } from '../../oauth/oauth-scopes';

export const RESIDENT_SCOPE = 'resident';

OAuthScopes.register({
  name: RESIDENT_SCOPE,
  description: 'See your WiFi keys and devices, reset your key, name and forget your devices, and create guest keys',
  sensitive: false,
});
