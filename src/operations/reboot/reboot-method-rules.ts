// Which reboot method a device family takes: rules of model and firmware patterns ("*" is
// any run of characters), the most specific first. Upstream OpenSync has no reboot column;
// TIP firmware reboots on firmware_url "reboot" (docs/operations.md), the shipped default.

import { registerEnumType } from '@nestjs/graphql';

export enum RebootMethod {
  /** firmware_url = "reboot" with upgrade_timer (TIP firmware). */
  TIP_FIRMWARE_URL = 'TIP_FIRMWARE_URL',
  /** The family cannot be rebooted by the controller: nodes fail with NO_REBOOT_METHOD. */
  NONE = 'NONE',
}

registerEnumType(RebootMethod, {
  name: 'RebootMethod',
  description: 'How the controller reboots a device family: TIP_FIRMWARE_URL (firmware_url "reboot"), or NONE (nodes fail with NO_REBOOT_METHOD).',
});

export const DEFAULT_REBOOT_METHOD = RebootMethod.TIP_FIRMWARE_URL;

export interface RebootMethodRule {
  modelPattern: string;
  firmwarePattern: string;
  method: RebootMethod;
}

export function globMatches(pattern: string, value: string): boolean {
  const escaped = pattern.split('*').map((part) => part.replace(/[.+?^${}()|[\]\\]/g, '\\$&'));
  return new RegExp(`^${escaped.join('.*')}$`, 'i').test(value);
}

/** Literal characters in a pattern: more is more specific. */
function specificity(rule: RebootMethodRule): number {
  return rule.modelPattern.replace(/\*/g, '').length * 1000 + rule.firmwarePattern.replace(/\*/g, '').length;
}

export function rebootMethodFor(rules: readonly RebootMethodRule[], model: string | null, firmware: string | null): RebootMethod {
  const matching = rules.filter((r) => globMatches(r.modelPattern, model ?? '') && globMatches(r.firmwarePattern, firmware ?? ''));
  matching.sort((a, b) => specificity(b) - specificity(a));
  return matching[0]?.method ?? DEFAULT_REBOOT_METHOD;
}
