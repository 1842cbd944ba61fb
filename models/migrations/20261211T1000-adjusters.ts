import { QueryTypes } from 'sequelize';
import { col } from '../define.js';
import type { Migration } from './types.js';

/**
 * Who ever changed the amount of something awaiting a second person's authorization: a claim
 * (any of its lines adjusted, a dispute accepted, a release on cancellation) or a rebate period
 * (adjusted). The two-person rule (core/permissions.ts) reads it: a line's or a period's own
 * `adjusted_by_user_id` keeps only the last person, so the first adjuster could authorize once
 * another had adjusted after them. One row per (kind, id, user); written by the settlement
 * service's steps that set an amount, never removed. Filled from the audit trail and the lines.
 */
export const adjustersSchema: Migration = {
  name: '20261211T1000-adjusters',
  async up({ context: { queryInterface: qi, sequelize } }) {
    await qi.createTable('adjusters', {
      subject_type: { ...col.str(20), primaryKey: true },
      subject_id: { ...col.ref(), primaryKey: true },
      user_id: { ...col.ref(), primaryKey: true, references: { model: 'users', key: 'id' } },
      created_at: col.instant(),
    });
    const seen = new Set<string>();
    const rows: { type: string; id: number; user: number }[] = [];
    const add = (type: string, id: number, user: number | null) => {
      if (user === null || !Number.isFinite(id)) return;
      const key = `${type}:${id}:${user}`;
      if (seen.has(key)) return;
      seen.add(key);
      rows.push({ type, id, user: Number(user) });
    };
    const q = async <T extends object>(sql: string) => (await sequelize.query(sql, { type: QueryTypes.SELECT })) as T[];
    const lineOf = new Map<number, number>();
    const events = await q<{ entityId: string; userId: number | null; action: string }>(
      `SELECT entity_id AS entityId, actor_user_id AS userId, action FROM audit_events
        WHERE action IN ('claim_line.adjusted', 'rebate_period.adjusted')`,
    );
    const lineIds = [...new Set(events.filter((e) => e.action === 'claim_line.adjusted').map((e) => Number(e.entityId)))];
    for (let i = 0; i < lineIds.length; i += 1000) {
      const part = lineIds.slice(i, i + 1000);
      for (const l of await q<{ id: number; claimId: number }>(
        `SELECT id, claim_id AS claimId FROM claim_lines WHERE id IN (${part.map(Number).join(',')})`,
      ))
        lineOf.set(Number(l.id), Number(l.claimId));
    }
    for (const e of events)
      if (e.action === 'rebate_period.adjusted') add('rebate_period', Number(e.entityId), e.userId);
      else if (lineOf.has(Number(e.entityId))) add('claim', lineOf.get(Number(e.entityId))!, e.userId);
    for (const l of await q<{ claimId: number; userId: number }>(
      'SELECT DISTINCT claim_id AS claimId, adjusted_by_user_id AS userId FROM claim_lines WHERE adjusted_by_user_id IS NOT NULL',
    ))
      add('claim', Number(l.claimId), Number(l.userId));
    for (const p of await q<{ id: number; userId: number }>(
      'SELECT id, adjusted_by_user_id AS userId FROM rebate_periods WHERE adjusted_by_user_id IS NOT NULL',
    ))
      add('rebate_period', Number(p.id), Number(p.userId));
    const now = new Date();
    for (let i = 0; i < rows.length; i += 500)
      await qi.bulkInsert(
        'adjusters',
        rows.slice(i, i + 500).map((r) => ({ subject_type: r.type, subject_id: r.id, user_id: r.user, created_at: now })),
      );
  },
};
