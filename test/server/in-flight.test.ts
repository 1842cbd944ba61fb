import { request as httpRequest, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import express from 'express';
import { inFlightRequests, type InFlight } from '../../server/http/in-flight.js';

/**
 * What a stopping server waits for (server/main.ts): a request whose client went away is still
 * worked on until its handler answers; an event stream is not waited for.
 */
describe('requests in flight, for a graceful stop', () => {
  let server: Server;
  let inFlight: InFlight;
  let port: number;
  let openGate: () => void = () => undefined;
  let handlerEnded = false;

  beforeAll(async () => {
    inFlight = inFlightRequests();
    const app = express();
    app.use(inFlight.track);
    app.post('/api/slow', async (_req, res) => {
      await new Promise<void>((resolve) => (openGate = resolve));
      handlerEnded = true;
      res.json({ written: true });
    });
    app.get('/api/events', (_req, res) => {
      res.status(200).set({ 'Content-Type': 'text/event-stream' });
      res.flushHeaders();
    });
    server = await new Promise<Server>((resolve) => {
      const s = app.listen(0, '127.0.0.1', () => resolve(s));
    });
    port = (server.address() as AddressInfo).port;
  });
  afterAll(async () => {
    server.closeAllConnections();
    await new Promise((resolve) => server.close(resolve));
  });

  const until = async (condition: () => boolean) => {
    for (let i = 0; i < 200 && !condition(); i++) await new Promise((r) => setTimeout(r, 10));
    expect(condition()).toBe(true);
  };

  it('waits for a request whose client went away, not for an event stream', async () => {
    // An event stream stays open throughout: it is not work.
    const stream = await new Promise<IncomingMessage>((resolve) => httpRequest({ port, path: '/api/events' }, resolve).end());
    expect(stream.headers['content-type']).toMatch(/^text\/event-stream/);
    expect(inFlight.count()).toBe(0);
    await inFlight.idle();

    const sent = httpRequest({ port, path: '/api/slow', method: 'POST' });
    sent.on('error', () => undefined);
    sent.end('{}');
    await until(() => inFlight.count() === 1);
    // the client goes away; the work it asked for goes on
    sent.destroy();
    let idle = false;
    const waiting = inFlight.idle().then(() => {
      idle = true;
    });
    await new Promise((r) => setTimeout(r, 300));
    expect({ idle, count: inFlight.count() }).toEqual({ idle: false, count: 1 });

    openGate();
    await waiting;
    expect({ idle, handlerEnded, count: inFlight.count() }).toEqual({ idle: true, handlerEnded: true, count: 0 });
    stream.destroy();
  });
});
