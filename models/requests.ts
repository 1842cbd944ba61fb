import { Model, type CreationOptional, type InferAttributes, type InferCreationAttributes, type Sequelize } from 'sequelize';
import type { RequestStatus } from '../core/domain.js';
import { col, stamps, type DbMoney } from './define.js';

/** A distributor's request for a special price on some SKUs for one end customer. */
export class PriceRequest extends Model<InferAttributes<PriceRequest>, InferCreationAttributes<PriceRequest>> {
  declare id: CreationOptional<number>;
  declare number: string;
  declare programId: number;
  declare distributorId: number;
  declare resellerId: number | null;
  declare endCustomerId: number;
  declare requestedByUserId: number;
  declare status: RequestStatus;
  declare validFrom: string;
  declare validTo: string;
  declare opportunityRef: string | null;
  declare dealRegistrationRef: string | null;
  declare justification: string | null;
  declare decisionComment: string | null;
  declare decidedByUserId: number | null;
  declare decidedAt: Date | null;
  declare authorizationId: number | null;
  /** the routing rule that routes it, and a copy of its levels and escalation (JSON); null: not routed */
  declare routingRuleId: CreationOptional<number | null>;
  declare routing: CreationOptional<string | null>;
  /** the level (0-based) awaiting a decision, when it started, and the level escalated if overdue */
  declare currentLevel: CreationOptional<number | null>;
  declare levelStartedAt: CreationOptional<Date | null>;
  declare escalatedLevel: CreationOptional<number | null>;
  /** a change request: the authorization it changes, how, from which day */
  declare changeOfAuthorizationId: CreationOptional<number | null>;
  declare changeKind: CreationOptional<'amend' | 'extend' | 'cancel' | null>;
  declare effectiveFrom: CreationOptional<string | null>;
  /** the program's version in force when the request was made (program_versions) */
  declare programVersion: CreationOptional<number | null>;
  declare createdAt: CreationOptional<Date>;
  declare updatedAt: CreationOptional<Date>;
}

export class PriceRequestLine extends Model<InferAttributes<PriceRequestLine>, InferCreationAttributes<PriceRequestLine>> {
  declare id: CreationOptional<number>;
  declare requestId: number;
  declare productId: number;
  declare quantity: number;
  declare requestedCost: DbMoney;
  declare counterCost: DbMoney | null;
  declare counterQuantity: number | null;
  /** on a change request: the authorization line this line changes */
  declare authorizationLineId: CreationOptional<number | null>;
  declare createdAt: CreationOptional<Date>;
  declare updatedAt: CreationOptional<Date>;
}

/** An admin's approval routing rule (core/routing/routing.ts); levels and escalation are JSON. */
export class RoutingRuleRow extends Model<InferAttributes<RoutingRuleRow>, InferCreationAttributes<RoutingRuleRow>> {
  declare id: CreationOptional<number>;
  declare name: string;
  declare priority: number;
  declare active: boolean;
  declare programId: number | null;
  declare distributorId: number | null;
  declare minValue: DbMoney | null;
  declare minMarginImpact: DbMoney | null;
  declare minDiscountPercent: DbMoney | null;
  declare match: 'any' | 'all';
  declare levels: string;
  declare escalation: string | null;
  declare createdByUserId: number;
  declare createdAt: CreationOptional<Date>;
  declare updatedAt: CreationOptional<Date>;
}

/** A user away from..to (inclusive) names a delegate who decides for them. */
export class ApprovalDelegation extends Model<InferAttributes<ApprovalDelegation>, InferCreationAttributes<ApprovalDelegation>> {
  declare id: CreationOptional<number>;
  declare userId: number;
  declare delegateUserId: number;
  declare fromDate: string;
  declare toDate: string;
  declare createdByUserId: number;
  declare createdAt: CreationOptional<Date>;
  declare updatedAt: CreationOptional<Date>;
}

/** One approval given at a level of a routed request. */
export class RequestApproval extends Model<InferAttributes<RequestApproval>, InferCreationAttributes<RequestApproval>> {
  declare id: CreationOptional<number>;
  declare requestId: number;
  declare level: number;
  declare approverIndex: number;
  declare userId: number;
  declare onBehalfOfUserId: number | null;
  declare createdAt: CreationOptional<Date>;
  declare updatedAt: CreationOptional<Date>;
}

export function initRequestModels(sequelize: Sequelize) {
  const common = { sequelize, underscored: true } as const;
  PriceRequest.init(
    {
      id: col.id(),
      number: { ...col.str(40), unique: true },
      programId: col.ref(),
      distributorId: col.ref(),
      resellerId: col.ref(true),
      endCustomerId: col.ref(),
      requestedByUserId: col.ref(),
      status: col.str(20),
      validFrom: col.day(),
      validTo: col.day(),
      opportunityRef: col.str(64, true),
      dealRegistrationRef: col.str(64, true),
      justification: col.text(),
      decisionComment: col.text(),
      decidedByUserId: col.ref(true),
      decidedAt: col.instant(true),
      authorizationId: col.ref(true),
      routingRuleId: col.ref(true),
      routing: col.text(),
      currentLevel: col.int(true),
      levelStartedAt: col.instant(true),
      escalatedLevel: col.int(true),
      changeOfAuthorizationId: col.ref(true),
      changeKind: col.str(10, true),
      effectiveFrom: col.day(true),
      programVersion: col.int(true),
      ...stamps(),
    },
    { ...common, tableName: 'price_requests' },
  );
  PriceRequestLine.init(
    {
      id: col.id(),
      requestId: col.ref(),
      productId: col.ref(),
      quantity: col.int(),
      requestedCost: col.money(),
      counterCost: col.money(true),
      counterQuantity: col.int(true),
      authorizationLineId: col.ref(true),
      ...stamps(),
    },
    { ...common, tableName: 'price_request_lines' },
  );
  RoutingRuleRow.init(
    {
      id: col.id(),
      name: col.str(120),
      priority: col.int(false, 100),
      active: col.flag(true),
      programId: col.ref(true),
      distributorId: col.ref(true),
      minValue: col.money(true),
      minMarginImpact: col.money(true),
      minDiscountPercent: col.money(true),
      match: col.str(3),
      levels: col.text(false),
      escalation: col.text(),
      createdByUserId: col.ref(),
      ...stamps(),
    },
    { ...common, tableName: 'routing_rules' },
  );
  ApprovalDelegation.init(
    {
      id: col.id(),
      userId: col.ref(),
      delegateUserId: col.ref(),
      fromDate: col.day(),
      toDate: col.day(),
      createdByUserId: col.ref(),
      ...stamps(),
    },
    { ...common, tableName: 'approval_delegations' },
  );
  RequestApproval.init(
    {
      id: col.id(),
      requestId: col.ref(),
      level: col.int(),
      approverIndex: col.int(),
      userId: col.ref(),
      onBehalfOfUserId: col.ref(true),
      ...stamps(),
    },
    { ...common, tableName: 'request_approvals' },
  );
}
