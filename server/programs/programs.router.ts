import { Router } from 'express';
import { authorize, requireActor } from '../auth/actor.js';
import { describeRoute, IdParam, z } from '../http/openapi.js';
import { parse } from '../http/validate.js';
import { ProgramInput, ProgramPatch, ProgramVersionView, ProgramView } from './programs.schemas.js';
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
  method: 'get',
  path: '/api/programs/:id/versions',
  summary: "A program's versions, newest first, each with the rules it set and when it was in force",
  tags: ['programs'],
  params: IdParam,
  response: z.object({ items: z.array(ProgramVersionView) }),
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
  summary: 'Change a program (a new version, effective now, once requests or authorizations use it)',
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
  r.get('/:id/versions', async (req, res) => {
    res.json({ items: await service.listVersions(requireActor(req), parse(IdParam, req.params, 'params').id) });
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
