import { Router } from 'express';
import { authorize, requireActor } from '../auth/actor.js';
import { describeRoute, IdParam, z } from '../http/openapi.js';
import { parse } from '../http/validate.js';
import { ProgramInput, ProgramPatch, ProgramView } from './programs.schemas.js';
import * as service from './programs.service.js';

describeRoute({
  method: 'get',
  path: '/api/programs',
  summary: 'Programs you can see',
  tags: ['programs'],
  response: z.object({ items: z.array(ProgramView) }),
});
describeRoute({
  method: 'get',
  path: '/api/programs/:id',
  summary: 'One program',
  tags: ['programs'],
  params: IdParam,
  response: ProgramView,
});
describeRoute({
  method: 'post',
  path: '/api/programs',
  summary: 'Create a program',
  tags: ['programs'],
  body: ProgramInput,
  response: ProgramView,
  status: 201,
  idempotent: true,
});
describeRoute({
  method: 'patch',
  path: '/api/programs/:id',
  summary: 'Change a program',
  tags: ['programs'],
  params: IdParam,
  body: ProgramPatch,
  response: ProgramView,
});

export function programsRouter() {
  const r = Router();
  r.get('/', async (req, res) => {
    res.json({ items: await service.listPrograms(requireActor(req)) });
  });
  r.get('/:id', async (req, res) => {
    res.json(await service.getProgram(requireActor(req), parse(IdParam, req.params, 'params').id));
  });
  r.post('/', async (req, res) => {
    const actor = authorize(req, 'program.manage');
    res.status(201).json(await service.createProgram(actor, parse(ProgramInput, req.body)));
  });
  r.patch('/:id', async (req, res) => {
    const actor = authorize(req, 'program.manage');
    res.json(await service.updateProgram(actor, parse(IdParam, req.params, 'params').id, parse(ProgramPatch, req.body)));
  });
  return r;
}
