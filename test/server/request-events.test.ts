import { jest } from '@jest/globals';
import { requestEvents, type RequestEventMap } from '../../server/requests/request-events.js';

const decided: RequestEventMap['request.decided'] = { requestId: 7, outcome: 'approve', status: 'approved', distributorId: 3 };

describe('request events', () => {
  it('hands a decision to every listener until it unsubscribes', () => {
    const seen: number[] = [];
    const off = requestEvents.on('request.decided', (e) => seen.push(e.requestId));
    requestEvents.emit('request.decided', decided);
    off();
    requestEvents.emit('request.decided', { ...decided, requestId: 8 });
    expect(seen).toEqual([7]);
  });

  it('keeps a failing listener from failing the decision or the other listeners', () => {
    const warn = jest.spyOn(console, 'warn').mockImplementation(() => undefined);
    const seen: string[] = [];
    const offBad = requestEvents.on('request.decided', () => {
      throw new Error('CRM down');
    });
    const offGood = requestEvents.on('request.decided', (e) => seen.push(e.status));
    try {
      expect(() => requestEvents.emit('request.decided', decided)).not.toThrow();
      expect(seen).toEqual(['approved']);
      expect(warn).toHaveBeenCalledWith(expect.stringContaining('CRM down'));
    } finally {
      offBad();
      offGood();
      warn.mockRestore();
    }
  });
});
