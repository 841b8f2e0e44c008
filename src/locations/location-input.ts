// Validation of a whole location create input (location fields and its PRIMARY network),
// used for createLocation and for the first location inside createCustomer.

import { FieldError } from '../common/errors/app-error';
import { nested } from '../validation/field-checks';
import { validateWifiNetworkSettings } from '../wifi-networks/wifi-network-rules';
import { primarySettings } from '../wifi-networks/wifi-network-settings';
import { CreateLocationInput } from './dto/create-location.input';
import { validateLocationFields } from './location-rules';

export function validateCreateLocation(input: CreateLocationInput, prefix = ''): FieldError[] {
  const errors = [
    ...validateLocationFields(input, true),
    ...nested('primaryNetwork', validateWifiNetworkSettings(primarySettings(input.primaryNetwork), new Date(), false)),
  ];
  return prefix ? nested(prefix, errors) : errors;
}
