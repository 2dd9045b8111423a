/**
 * Every route group of the hub, mounted by `createHub` in this order. To add a group (the
 * receiver and delivery routes), write `api/<group>.ts` exporting a function that returns an
 * `OpenAPIHono<HubEnv>` and add it to this list: it gets the error handling, CORS, logging and
 * the OpenAPI document for free.
 */
import type { OpenAPIHono } from '@hono/zod-openapi'
import type { HubEnv } from '../http/env'
import { adminCaseRoutes } from './admin-cases'
import { adminReportRoutes } from './admin-reports'
import { adminTenantRoutes } from './admin-tenants'
import { consoleAssetRoutes } from './console-assets'
import { consoleCaseRoutes } from './console-cases'
import { consoleDeliveryRoutes } from './console-deliveries'
import { consoleDeskRoutes } from './console-desk'
import { consoleReportRoutes } from './console-reports'
import { consoleSessionRoutes } from './console-session'
import { consoleTenantRoutes } from './console-tenants'
import { docsRoutes } from './docs'
import { evidencePackRoutes } from './evidence-pack'
import { healthRoutes } from './health'
import { mailRoutes } from './mails'
import { messageRoutes } from './messages'
import { publicInfoRoutes } from './public-info'
import { receiverRoutes } from './receivers'
import { reportFollowRoutes } from './report-follow'
import { reportIntakeRoutes } from './report-intake'
import { reportLivingRoutes } from './report-living'
import { reportReceiptRoutes } from './report-receipt'
import { signingKeyRoutes } from './signing-keys'
import { statsRoutes } from './stats'
import { statusUpdateRoutes } from './status-updates'
import { widgetAssetRoutes } from './widget-assets'

export const routeGroups: ReadonlyArray<() => OpenAPIHono<HubEnv>> = [
  healthRoutes,
  publicInfoRoutes,
  reportIntakeRoutes,
  reportReceiptRoutes,
  reportFollowRoutes,
  reportLivingRoutes,
  evidencePackRoutes,
  signingKeyRoutes,
  adminTenantRoutes,
  adminReportRoutes,
  adminCaseRoutes,
  widgetAssetRoutes,
  receiverRoutes,
  messageRoutes,
  mailRoutes,
  statusUpdateRoutes,
  consoleSessionRoutes,
  consoleReportRoutes,
  consoleDeliveryRoutes,
  consoleTenantRoutes,
  consoleCaseRoutes,
  consoleDeskRoutes,
  consoleAssetRoutes,
  statsRoutes,
  docsRoutes,
]
