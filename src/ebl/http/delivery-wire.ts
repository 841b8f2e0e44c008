// A delivery as the provider lists it (GET /ebl/deliveries): the notification it carries,
// where it stands, and every attempt.

import type { DeliveryWithAttempts, NotificationBody } from '../delivery/ebl-outbox.service';

export interface DeliveryWire {
  id: string;
  status: string;
  notification: NotificationBody;
  createdAt: string;
  nextAttemptAt: string | null;
  finishedAt: string | null;
  attempts: { number: number; at: string; httpStatus: number | null; error: string | null }[];
}

export function deliveryWire({ delivery: d, attempts }: DeliveryWithAttempts): DeliveryWire {
  return {
    id: d.id,
    status: d.status,
    notification: JSON.parse(d.body) as NotificationBody,
    createdAt: d.createdAt.toISOString(),
    nextAttemptAt: d.status === 'PENDING' ? d.nextAttemptAt.toISOString() : null,
    finishedAt: d.finishedAt?.toISOString() ?? null,
    attempts: attempts.map((a) => ({ number: a.number, at: a.at.toISOString(), httpStatus: a.httpStatus, error: a.error })),
  };
}
