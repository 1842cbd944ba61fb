import type { QueryInterface, Sequelize } from 'sequelize';

export interface MigrationContext {
  queryInterface: QueryInterface;
  sequelize: Sequelize;
}

/** One schema change. Migrations only go forward: a correction is a new migration. */
export interface Migration {
  name: string;
  up(params: { context: MigrationContext }): Promise<void>;
}
