/**
 * A page of a big list, newest first by id (server/http/cursor.ts): by cursor, the rows below the
 * cursor's id without a count; by page number, with the count. Either way through the list's
 * index, forced (MariaDB would otherwise look the filter's equality up and walk every row above
 * the cursor: see LIST_INDEXES in the list-indexes migration); SQLite takes no hints. One row
 * more than the page is read, to name the next page's cursor.
 */
import { IndexHints, Op, type Model, type ModelStatic, type WhereOptions } from 'sequelize';
import { keysetPage, type CursorKey, type CursorList } from './cursor.js';

export async function newestFirstPage<M extends Model & { id: number }>(
  model: ModelStatic<M>,
  list: CursorList,
  where: WhereOptions,
  q: { cursor?: CursorKey; page: number; pageSize: number },
  index: string | null,
) {
  const hints = index ? { indexHints: [{ type: IndexHints.FORCE, values: [index] }] } : {};
  const total = q.cursor ? undefined : await model.count({ where, ...hints });
  const rows = await model.findAll({
    where: q.cursor ? { [Op.and]: [where, { id: { [Op.lt]: q.cursor[0] } }] } : where,
    order: [['id', 'DESC']],
    limit: q.pageSize + 1,
    offset: q.cursor ? 0 : (q.page - 1) * q.pageSize,
    ...hints,
  } as Parameters<ModelStatic<M>['findAll']>[0]);
  return { ...keysetPage(list, rows, q.pageSize, (r) => [r.id]), ...(total === undefined ? {} : { total }) };
}
