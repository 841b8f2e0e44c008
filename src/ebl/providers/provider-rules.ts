// Checks of a provider's settings as group admins write them (pure).

import { FieldError } from '../../common/errors/app-error';
import { checkUuid } from '../../validation/field-checks';
import type { AccessIdSource, LocationScope } from '../store/ebl-provider.entity';

export interface EblProviderInput {
  apiClientId: string;
  groupId: string;
  locationScope: LocationScope;
  locationIds?: string[] | null;
  notificationUrl: string;
  accessIdSource?: AccessIdSource | null;
}

export const MAX_LISTED_LOCATIONS = 10_000;

export function checkProviderInput(input: EblProviderInput, allowPlainHttp: boolean): FieldError[] {
  const errors: FieldError[] = [];
  errors.push(...checkUuid('apiClientId', input.apiClientId));
  errors.push(...checkUuid('groupId', input.groupId));
  const ids = input.locationIds ?? [];
  if (input.locationScope === 'LISTED_LOCATIONS') {
    if (ids.length === 0) errors.push({ field: 'locationIds', message: 'name at least one location with LISTED_LOCATIONS' });
    if (ids.length > MAX_LISTED_LOCATIONS) errors.push({ field: 'locationIds', message: `at most ${MAX_LISTED_LOCATIONS}` });
    ids.forEach((id, i) => errors.push(...checkUuid(`locationIds[${i}]`, id)));
  } else if (ids.length > 0) {
    errors.push({ field: 'locationIds', message: 'only with LISTED_LOCATIONS' });
  }
  errors.push(...checkUrl(input.notificationUrl, allowPlainHttp));
  return errors;
}

function checkUrl(value: string, allowPlainHttp: boolean): FieldError[] {
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    return [{ field: 'notificationUrl', message: 'must be an absolute URL' }];
  }
  if (value.length > 2048) return [{ field: 'notificationUrl', message: 'at most 2048 characters' }];
  if (url.protocol === 'https:') return [];
  if (url.protocol === 'http:' && allowPlainHttp) return [];
  return [{ field: 'notificationUrl', message: allowPlainHttp ? 'must be http or https' : 'must be https (EBL_ALLOW_HTTP allows http)' }];
}
