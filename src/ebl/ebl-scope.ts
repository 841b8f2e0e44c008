// The OAuth scope of /ebl. Sensitive: a provider learns at which access a registered MAC
// shows up, so a platform admin approves each client asking for it (with its
// justification) before it can be granted.

import { OAuthScopes } from '../oauth/oauth-scopes';
import { EBL_SCOPE } from './http/ebl-caller';

OAuthScopes.register({
  name: EBL_SCOPE,
  description: 'Register MAC addresses and DHCP vendor ids of your equipment, and be told at which access it shows up',
  sensitive: true,
});
