import { DataTypes, type ModelAttributeColumnOptions } from 'sequelize';
import { col } from '../define.js';
import type { Migration } from './types.js';

const fk = (table: string, allowNull = false): ModelAttributeColumnOptions => ({
  ...col.ref(allowNull),
  references: { model: table, key: 'id' },
});
const stamps = () => ({ created_at: col.instant(), updated_at: col.instant() });

export const initialSchema: Migration = {
  name: '20261123T1000-initial-schema',
  async up({ context: { queryInterface: qi, sequelize } }) {
    await qi.createTable('accounts', {
      id: col.id(),
      type: col.str(20),
      name: col.str(200),
      external_ref: col.str(64, true),
      country: col.str(2, true),
      ...stamps(),
    });
    await qi.createTable('users', {
      id: col.id(),
      email: { ...col.str(200), unique: true },
      name: col.str(200),
      role: col.str(30),
      distributor_id: fk('accounts', true),
      password_hash: col.str(255, true),
      active: col.flag(true),
      ...stamps(),
    });
    await qi.createTable('user_identities', {
      id: col.id(),
      user_id: fk('users'),
      provider: col.str(100),
      subject: col.str(255),
      ...stamps(),
    });
    await qi.addIndex('user_identities', ['provider', 'subject'], { unique: true, name: 'uq_identity_subject' });

    await qi.createTable('sessions', {
      id: { ...col.str(64), primaryKey: true },
      user_id: fk('users'),
      csrf_token: col.str(64),
      expires_at: col.instant(),
      ...stamps(),
    });
    await qi.createTable('api_tokens', {
      id: col.id(),
      user_id: fk('users'),
      name: col.str(100),
      token_hash: { ...col.str(64), unique: true },
      scopes: col.text(false),
      expires_at: col.instant(true),
      revoked_at: col.instant(true),
      last_used_at: col.instant(true),
      ...stamps(),
    });
    await qi.createTable('idempotency_records', {
      id: col.id(),
      scope: col.str(64),
      idem_key: col.str(255),
      method: col.str(10),
      path: col.str(255),
      fingerprint: col.str(64),
      status_code: col.int(true),
      response_body: { type: sequelize.getDialect() === 'sqlite' ? DataTypes.TEXT : DataTypes.TEXT('long'), allowNull: true },
      ...stamps(),
    });
    await qi.addIndex('idempotency_records', ['scope', 'idem_key'], { unique: true, name: 'uq_idempotency_key' });

    await qi.createTable('products', {
      id: col.id(),
      vendor_part_number: { ...col.str(64), unique: true },
      description: col.str(255),
      family: col.str(100, true),
      list_price: col.money(true),
      ...stamps(),
    });
    await qi.createTable('product_part_mappings', {
      id: col.id(),
      distributor_id: fk('accounts'),
      distributor_part_number: col.str(64),
      product_id: fk('products'),
      ...stamps(),
    });
    await qi.addIndex('product_part_mappings', ['distributor_id', 'distributor_part_number'], { unique: true, name: 'uq_part_mapping' });
    await qi.createTable('book_costs', {
      id: col.id(),
      distributor_id: fk('accounts'),
      product_id: fk('products'),
      cost: col.money(),
      effective_from: col.day(),
      effective_to: col.day(true),
      ...stamps(),
    });
    await qi.addIndex('book_costs', ['distributor_id', 'product_id', 'effective_from'], { unique: true, name: 'uq_book_cost' });

    await qi.createTable('programs', {
      id: col.id(),
      code: { ...col.str(40), unique: true },
      name: col.str(200),
      type: col.str(20),
      status: col.str(20),
      start_date: col.day(),
      end_date: col.day(),
      product_ids: col.text(false),
      distributor_ids: col.text(false),
      end_customer_ids: col.text(false),
      quantity_cap: col.int(true),
      price_floor: col.money(true),
      required_claim_fields: col.text(false),
      created_by_user_id: fk('users'),
      ...stamps(),
    });

    await qi.createTable('price_requests', {
      id: col.id(),
      number: { ...col.str(40), unique: true },
      program_id: fk('programs'),
      distributor_id: fk('accounts'),
      reseller_id: fk('accounts', true),
      end_customer_id: fk('accounts'),
      requested_by_user_id: fk('users'),
      status: col.str(20),
      valid_from: col.day(),
      valid_to: col.day(),
      opportunity_ref: col.str(64, true),
      deal_registration_ref: col.str(64, true),
      justification: col.text(),
      decision_comment: col.text(),
      decided_by_user_id: fk('users', true),
      decided_at: col.instant(true),
      authorization_id: col.ref(true),
      ...stamps(),
    });
    await qi.addIndex('price_requests', ['distributor_id', 'status'], { name: 'ix_request_distributor_status' });
    await qi.createTable('price_request_lines', {
      id: col.id(),
      request_id: fk('price_requests'),
      product_id: fk('products'),
      quantity: col.int(),
      requested_cost: col.money(),
      counter_cost: col.money(true),
      counter_quantity: col.int(true),
      ...stamps(),
    });

    await qi.createTable('authorizations', {
      id: col.id(),
      number: col.str(40),
      version: col.int(),
      distributor_id: fk('accounts'),
      program_id: fk('programs'),
      request_id: fk('price_requests', true),
      end_customer_id: fk('accounts', true),
      status: col.str(20),
      valid_from: col.day(),
      valid_to: col.day(),
      ...stamps(),
    });
    await qi.addIndex('authorizations', ['number', 'version'], { unique: true, name: 'uq_authorization_version' });
    await qi.addIndex('authorizations', ['distributor_id', 'status'], { name: 'ix_authorization_distributor' });
    await qi.createTable('authorization_lines', {
      id: col.id(),
      authorization_id: fk('authorizations'),
      product_id: fk('products'),
      end_customer_id: fk('accounts', true),
      authorized_cost: col.money(),
      approved_quantity: col.int(),
      consumed_quantity: col.int(false, 0),
      valid_from: col.day(),
      valid_to: col.day(),
      ...stamps(),
    });

    await qi.createTable('pos_lines', {
      id: col.id(),
      distributor_id: fk('accounts'),
      import_id: col.ref(true),
      invoice_number: col.str(64),
      invoice_line: col.str(16),
      invoice_date: col.day(),
      ship_date: col.day(true),
      product_id: fk('products', true),
      vendor_part_number: col.str(64, true),
      distributor_part_number: col.str(64, true),
      quantity: col.int(),
      resale_price: col.money(true),
      book_cost: col.money(true),
      authorized_cost: col.money(true),
      claimed_amount: col.money(true),
      authorization_number: col.str(40, true),
      end_customer_name: col.str(200, true),
      end_customer_id: fk('accounts', true),
      customer_po: col.str(64, true),
      debit_memo_number: col.str(64, true),
      extra: col.text(),
      ...stamps(),
    });
    await qi.addIndex('pos_lines', ['distributor_id', 'invoice_number', 'invoice_line'], { unique: true, name: 'uq_pos_line' });

    await qi.createTable('claims', {
      id: col.id(),
      number: { ...col.str(40), unique: true },
      distributor_id: fk('accounts'),
      program_id: fk('programs', true),
      program_type: col.str(20, true),
      type: col.str(20),
      status: col.str(20),
      debit_memo_number: col.str(64, true),
      currency: col.str(3),
      claimed_total: col.money(),
      computed_total: col.money(),
      approved_total: col.money(),
      submitted_at: col.instant(true),
      authorized_at: col.instant(true),
      paid_at: col.instant(true),
      created_by_user_id: fk('users'),
      authorized_by_user_id: fk('users', true),
      ...stamps(),
    });
    await qi.addIndex('claims', ['distributor_id', 'debit_memo_number'], { unique: true, name: 'uq_claim_debit_memo' });
    await qi.addIndex('claims', ['status', 'created_at'], { name: 'ix_claim_status' });
    await qi.createTable('claim_lines', {
      id: col.id(),
      claim_id: fk('claims'),
      distributor_id: fk('accounts'),
      line_number: col.int(),
      authorization_number: col.str(40, true),
      authorization_line_id: fk('authorization_lines', true),
      authorization_version: col.int(true),
      product_id: fk('products', true),
      vendor_part_number: col.str(64, true),
      distributor_part_number: col.str(64, true),
      end_customer_id: fk('accounts', true),
      end_customer_name: col.str(200, true),
      invoice_number: col.str(64),
      invoice_line: col.str(16),
      invoice_date: col.day(),
      ship_date: col.day(true),
      quantity: col.int(),
      book_cost: col.money(),
      authorized_cost: col.money(true),
      resale_price: col.money(true),
      claimed_amount: col.money(),
      computed_amount: col.money(),
      accepted_quantity: col.int(),
      approved_amount: col.money(),
      verdict: col.str(20),
      reason_codes: col.text(false),
      rule: col.str(60, true),
      verdict_inputs: col.text(),
      extra: col.text(),
      resubmission_of_line_id: fk('claim_lines', true),
      adjusted_by_user_id: fk('users', true),
      ...stamps(),
    });
    await qi.addIndex('claim_lines', ['claim_id', 'line_number'], { unique: true, name: 'uq_claim_line_number' });
    await qi.createTable('pos_consumptions', {
      id: col.id(),
      distributor_id: fk('accounts'),
      invoice_number: col.str(64),
      invoice_line: col.str(16),
      claim_line_id: fk('claim_lines'),
      authorization_line_id: fk('authorization_lines'),
      quantity: col.int(),
      ...stamps(),
    });
    // The database, not only the code, keeps a POS line from being paid twice.
    await qi.addIndex('pos_consumptions', ['distributor_id', 'invoice_number', 'invoice_line'], {
      unique: true,
      name: 'uq_pos_consumption',
    });

    await qi.createTable('notes', {
      id: col.id(),
      entity_type: col.str(30),
      entity_id: col.ref(),
      distributor_id: fk('accounts', true),
      author_user_id: fk('users'),
      body: col.text(false),
      ...stamps(),
    });
    await qi.addIndex('notes', ['entity_type', 'entity_id'], { name: 'ix_note_entity' });
    await qi.createTable('credit_memos', {
      id: col.id(),
      number: { ...col.str(40), unique: true },
      claim_id: { ...fk('claims'), unique: true },
      distributor_id: fk('accounts'),
      amount: col.money(),
      currency: col.str(3),
      issued_at: col.instant(),
      issued_by_user_id: fk('users'),
      external_ref: col.str(64, true),
      ...stamps(),
    });

    await qi.createTable('audit_events', {
      id: col.id(),
      occurred_at: col.instant(),
      actor_user_id: col.ref(true),
      actor_role: col.str(30, true),
      action: col.str(60),
      entity_type: col.str(40),
      entity_id: col.str(64),
      distributor_id: col.ref(true),
      before: col.text(),
      after: col.text(),
      reason: col.text(),
      request_id: col.str(64, true),
    });
    await qi.addIndex('audit_events', ['entity_type', 'entity_id'], { name: 'ix_audit_entity' });

    // Invariants the database enforces on both dialects.
    if (sequelize.getDialect() === 'sqlite') {
      await sequelize.query(`CREATE TRIGGER trg_authorization_line_consumption BEFORE UPDATE OF consumed_quantity ON authorization_lines
        WHEN NEW.consumed_quantity > NEW.approved_quantity OR NEW.consumed_quantity < 0
        BEGIN SELECT RAISE(ABORT, 'consumed quantity outside 0..approved quantity'); END`);
      await sequelize.query(`CREATE TRIGGER trg_audit_no_update BEFORE UPDATE ON audit_events
        BEGIN SELECT RAISE(ABORT, 'the audit trail is append-only'); END`);
      await sequelize.query(`CREATE TRIGGER trg_audit_no_delete BEFORE DELETE ON audit_events
        BEGIN SELECT RAISE(ABORT, 'the audit trail is append-only'); END`);
    } else {
      await sequelize.query(`ALTER TABLE authorization_lines ADD CONSTRAINT chk_consumed_within_approved
        CHECK (consumed_quantity >= 0 AND consumed_quantity <= approved_quantity)`);
      await sequelize.query(`CREATE TRIGGER trg_audit_no_update BEFORE UPDATE ON audit_events FOR EACH ROW
        SIGNAL SQLSTATE '45000' SET MESSAGE_TEXT = 'the audit trail is append-only'`);
      await sequelize.query(`CREATE TRIGGER trg_audit_no_delete BEFORE DELETE ON audit_events FOR EACH ROW
        SIGNAL SQLSTATE '45000' SET MESSAGE_TEXT = 'the audit trail is append-only'`);
    }
  },
};
