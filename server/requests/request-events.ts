/**
 * What the requests service announces to the rest of the server, once the change is committed:
 * other features (the CRM write-back) react to a decision without the requests service knowing
 * them, and without watching URLs. Listeners run after the commit and cannot undo or fail it: an
 * error a listener throws is logged, never returned to the decision's caller.
 */
import type { RequestView } from './requests.schemas.js';

export type RequestOutcome = 'approve' | 'decline' | 'counter' | 'accept_counter' | 'reject_counter';

export interface RequestEventMap {
  /** a decision on a request was committed */
  'request.decided': {
    requestId: number;
    outcome: RequestOutcome;
    status: RequestView['status'];
    distributorId: number;
    /** the authorization the decision created (an approval, an accepted counter-offer) */
    authorizationId?: number | null;
    /** who decided */
    actorUserId?: number;
    /** an approved change request: what it did to the authorization (authorizationId) */
    change?: 'amended' | 'extended' | 'cancelled';
  };
}

type Listener<K extends keyof RequestEventMap> = (event: RequestEventMap[K]) => void;

class RequestEvents {
  private readonly listeners: { [K in keyof RequestEventMap]: Set<Listener<K>> } = { 'request.decided': new Set() };

  /** Subscribes; returns the unsubscribe. */
  on<K extends keyof RequestEventMap>(name: K, listener: Listener<K>): () => void {
    this.listeners[name].add(listener);
    return () => this.listeners[name].delete(listener);
  }

  emit<K extends keyof RequestEventMap>(name: K, event: RequestEventMap[K]): void {
    for (const listener of this.listeners[name]) {
      try {
        listener(event);
      } catch (err) {
        console.warn(`a ${name} listener failed: ${(err as Error).message}`);
      }
    }
  }
}

export const requestEvents = new RequestEvents();
