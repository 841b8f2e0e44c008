// One request as the transaction handlers see it: who sends it (the MSO's principal), the
// parsed request and its fields read by Attachment A's rules.

import { Principal } from '../../common/auth/principal';
import { RequestFields } from './wire/request-fields';
import { HomeRequest } from './wire/transaction-codec';

export interface HomeTransaction {
  principal: Principal;
  request: HomeRequest;
  fields: RequestFields;
}
