/**
 * The product's main events, announced by the services that make them once their change is
 * committed: claim submitted, claim authorized, credit memo issued, import finished, authorization
 * changed, a request's approval level escalated (its time limit passed), and (through the requests
 * service's own emitter, request-events.ts) request decided.
 * The services know nothing of who listens; notifications (the inbox, e-mail, webhooks) subscribe
 * here. A listener cannot fail the change that raised the event: its error is logged.
 */
import { requestEvents } from '../requests/request-events.js';

/** Every event name users and webhooks can subscribe to. */
export const EVENT_NAMES = [
  'request.decided',
  'request.escalated',
  'authorization.changed',
  'claim.submitted',
  'claim.authorized',
  'credit_memo.issued',
  /** a credit memo's payment posted to the finance journal (issue 16): what an ERP imports */
  'credit_memo.posted',
  'import.finished',
] as const;
export type EventName = (typeof EVENT_NAMES)[number];

export interface DomainEvent {
  name: EventName;
  /** the distributor whose object it is (its users are told; others never are) */
  distributorId: number;
  entityType: string;
  entityId: number | string;
  /** who made it, if a user did */
  actorUserId: number | null;
  /** users told besides the event's audience (an escalation's approvers) */
  recipientUserIds?: number[];
  /** what a person reads: a short line */
  summary: string;
  /** what a machine reads: the webhook payload's `data` */
  data: Record<string, unknown>;
}

type Listener = (event: DomainEvent) => void;
const listeners = new Set<Listener>();

export const domainEvents = {
  /** Subscribes; returns the unsubscribe. */
  on(listener: Listener): () => void {
    listeners.add(listener);
    return () => listeners.delete(listener);
  },
  emit(event: DomainEvent): void {
    for (const listener of listeners) {
      try {
        listener(event);
      } catch (err) {
        console.warn(`a ${event.name} listener failed: ${(err as Error).message}`);
      }
    }
  },
};

/**
 * Raises an event once the transaction that made it commits (never if it rolls back); at once
 * without one.
 */
export function raiseEvent(event: DomainEvent, transaction?: { afterCommit(fn: () => void): void } | null) {
  if (transaction) transaction.afterCommit(() => domainEvents.emit(event));
  else domainEvents.emit(event);
}

const DECIDED: Record<string, string> = {
  approve: 'approved',
  decline: 'declined',
  counter: 'countered',
  accept_counter: 'accepted (counter-offer)',
};

// The requests service has its own emitter (the CRM write-back listens to it too): its decisions
// join the others here, so every listener sees one stream.
requestEvents.on('request.decided', (e) => {
  domainEvents.emit({
    name: 'request.decided',
    distributorId: e.distributorId,
    entityType: 'price_request',
    entityId: e.requestId,
    actorUserId: e.actorUserId ?? null,
    summary: `Special-price request ${e.requestId} ${DECIDED[e.outcome] ?? e.outcome}: now ${e.status}`,
    data: { requestId: e.requestId, outcome: e.outcome, status: e.status, authorizationId: e.authorizationId ?? null },
  });
  // An approval (or an accepted counter-offer) issues the authorization: version 1 of it; an
  // approved change request makes its next version (amended, extended, cancelled).
  if (e.authorizationId && (e.outcome === 'approve' || e.outcome === 'accept_counter'))
    domainEvents.emit({
      name: 'authorization.changed',
      distributorId: e.distributorId,
      entityType: 'authorization',
      entityId: e.authorizationId,
      actorUserId: e.actorUserId ?? null,
      summary: e.change
        ? `Authorization ${e.authorizationId} ${e.change} (change request ${e.requestId})`
        : `Authorization ${e.authorizationId} issued (request ${e.requestId})`,
      data: { authorizationId: e.authorizationId, change: e.change ?? 'created', requestId: e.requestId },
    });
});
