import { sqliteTable, text, integer, index } from 'drizzle-orm/sqlite-core'
import { departments } from './departments'

/**
 * 检查对象名录库 (附件4): 市场主体, 机关/事业单位, 社会团体.
 * `code` is the normalised 统一社会信用代码 (18) or old 注册号 (15).
 */
export const objects = sqliteTable(
  'objects',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    code: text('code').notNull().unique(),
    kind: text('kind', { enum: ['market', 'institution', 'social'] }).notNull(),
    name: text('name').notNull(),
    entityType: text('entity_type').notNull().default(''), // 市场主体类型
    regAuthority: text('reg_authority').notNull().default(''), // 登记机关
    legalRep: text('legal_rep').notNull().default(''), // 法定代表人/负责人
    address: text('address').notNull().default(''), // 住所
    regStatus: text('reg_status').notNull().default('存续'), // 登记状态
    establishedOn: text('established_on'), // 成立日期 YYYY-MM-DD
    businessScope: text('business_scope').notNull().default(''), // 经营范围
    remark: text('remark').notNull().default(''), // 备注
    industry: text('industry').notNull().default(''),
    township: text('township').notNull().default(''), // 乡镇/片区
    creditClass: text('credit_class', { enum: ['A', 'B', 'C', 'D'] }).notNull().default('B'),
    tags: text('tags').notNull().default(''), // space-separated free tags (专项库, 监管标签)
    ownerDeptId: integer('owner_dept_id').references(() => departments.id),
    createdAt: text('created_at').notNull(),
    updatedAt: text('updated_at').notNull()
  },
  (t) => [
    index('objects_kind_idx').on(t.kind),
    index('objects_township_idx').on(t.township),
    index('objects_industry_idx').on(t.industry),
    index('objects_class_idx').on(t.creditClass),
    index('objects_status_idx').on(t.regStatus)
  ]
)

/** 执法检查人员名录库 (附件4 plus 执法资质, 回避范围, 专家 flag). Keyed by 身份证号. */
export const inspectors = sqliteTable(
  'inspectors',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    idNumber: text('id_number').notNull().unique(), // 身份证号
    name: text('name').notNull(),
    gender: text('gender').notNull().default(''),
    phone: text('phone').notNull().default(''),
    unit: text('unit').notNull().default(''), // 所在单位 (free text from the sheet)
    deptId: integer('dept_id').references(() => departments.id), // 所在单位 resolved to a member department
    division: text('division').notNull().default(''), // 所在部门 (科室)
    userLevel: text('user_level').notNull().default(''), // 用户级别
    certNo: text('cert_no').notNull().default(''), // 执法证号
    certAuthority: text('cert_authority').notNull().default(''), // 发证机关
    certValidUntil: text('cert_valid_until'), // 执法证有效期至 YYYY-MM-DD
    specialties: text('specialties').notNull().default(''), // 业务专长, separated by 、
    isExpert: integer('is_expert', { mode: 'boolean' }).notNull().default(false), // 专家/辅助人员
    active: integer('active', { mode: 'boolean' }).notNull().default(true),
    inactiveReason: text('inactive_reason').notNull().default(''),
    township: text('township').notNull().default(''), // 片区
    avoidCodes: text('avoid_codes').notNull().default(''), // 回避对象 codes, space-separated
    avoidTownships: text('avoid_townships').notNull().default(''), // 回避片区, separated by 、
    createdAt: text('created_at').notNull(),
    updatedAt: text('updated_at').notNull()
  },
  (t) => [index('inspectors_dept_idx').on(t.deptId)]
)

/** 随机抽查事项清单 (附件3), one list per department. */
export const items = sqliteTable(
  'items',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    uid: text('uid').notNull().unique(), // stable id across installations (exchange)
    deptId: integer('dept_id')
      .notNull()
      .references(() => departments.id),
    category: text('category').notNull(), // 抽查类别
    name: text('name').notNull(), // 检查事项
    target: text('target').notNull().default(''), // 检查对象
    level: text('level', { enum: ['重点', '一般'] }).notNull().default('一般'), // 事项类别
    method: text('method').notNull().default(''), // 检查方式
    subject: text('subject').notNull().default(''), // 检查主体
    frequency: text('frequency').notNull().default(''), // 检查频次
    content: text('content').notNull().default(''), // 检查内容
    basis: text('basis').notNull().default(''), // 检查依据
    specialty: text('specialty').notNull().default(''), // 所需业务专长
    ratioCap: integer('ratio_cap_permille'), // 一般事项比例上限 (‰)
    sortOrder: integer('sort_order').notNull().default(0),
    createdAt: text('created_at').notNull(),
    updatedAt: text('updated_at').notNull()
  },
  (t) => [index('items_dept_idx').on(t.deptId)]
)
