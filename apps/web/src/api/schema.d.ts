/**
 * GENERATED FILE, DO NOT EDIT. The API's OpenAPI document (what /docs-json serves) turned into
 * TypeScript by openapi-typescript. Regenerate with `npm run api:client` after changing a route,
 * a DTO or a decorator; `npm test` fails while this file differs from a fresh generation
 * (apps/api/src/openapi/api-client.spec.ts).
 */

export type paths = {
    "/health": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get: operations["HealthController_check"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/auth/login": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post: operations["AuthController_login"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/auth/refresh": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post: operations["AuthController_refresh"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/auth/logout": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post: operations["AuthController_logout"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/auth/password": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post: operations["AuthController_changePassword"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/auth/totp/enrol": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post: operations["AuthController_enrolTotp"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/auth/totp/confirm": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post: operations["AuthController_confirmTotp"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/auth/totp/disable": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post: operations["AuthController_disableTotp"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/auth/register": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post: operations["AuthController_register"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/auth/me": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get: operations["AuthController_me"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/auth/password/forgot": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post: operations["AccountRecoveryController_forgot"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/auth/password/reset": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post: operations["AccountRecoveryController_reset"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/auth/email/verify": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post: operations["AccountRecoveryController_verify"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/me/notification-settings": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get: operations["MailController_get"];
        put: operations["MailController_update"];
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/me/email/verification": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post: operations["MailController_resendVerification"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/mail/unsubscribe": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post: operations["MailController_unsubscribe"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/admin/mail/dead-letters": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get: operations["MailController_deadLetters"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/admin/mail/dead-letters/{address}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post?: never;
        delete: operations["MailController_removeDeadLetter"];
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/admin/mail/catch-all": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get: operations["MailController_caught"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/admin/mail/catch-all/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get: operations["MailController_caughtMessage"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/users": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get: operations["UsersController_list"];
        put?: never;
        post: operations["UsersController_create"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/users/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get: operations["UsersController_get"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/users/{id}/status": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch: operations["UsersController_setStatus"];
        trace?: never;
    };
    "/users/{id}/role": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch: operations["UsersController_changeRole"];
        trace?: never;
    };
    "/regions": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get: operations["RegionsController_tree"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/organizations": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get: operations["OrganizationsController_list"];
        put?: never;
        post: operations["OrganizationsController_create"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/organizations/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get: operations["OrganizationsController_get"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/enterprises/search": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get: operations["EnterpriseSearchController_search"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/enterprises": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get: operations["EnterprisesController_list"];
        put?: never;
        post: operations["EnterprisesController_create"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/enterprises/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get: operations["EnterprisesController_get"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch: operations["EnterprisesController_update"];
        trace?: never;
    };
    "/enterprises/{id}/nominations": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post: operations["EnterpriseStaffController_nominate"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/enterprises/{id}/staff": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get: operations["EnterpriseStaffController_staff"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/enterprises/{id}/staff-progress": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get: operations["EnterpriseStaffController_progress"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/enterprises/{id}/history": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get: operations["EnterpriseHistoryController_history"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/enterprise-corrections": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get: operations["EnterpriseCorrectionsController_list"];
        put?: never;
        post: operations["EnterpriseCorrectionsController_request"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/enterprise-corrections/{id}/decision": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Approves (the change becomes a master-data version) or rejects a correction */
        post: operations["EnterpriseCorrectionsController_decide"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/regulators/enterprise-imports": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get: operations["EnterpriseImportsController_list"];
        put?: never;
        /** Uploads an official list and checks every row (nothing applied yet) */
        post: operations["EnterpriseImportsController_preview"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/regulators/enterprise-imports/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get: operations["EnterpriseImportsController_get"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/regulators/enterprise-imports/{id}/errors": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The preview’s errors: row, column, message */
        get: operations["EnterpriseImportsController_errors"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/regulators/enterprise-imports/{id}/apply": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Applies a preview without errors in one transaction (creates and updates by credit code, versions kept) */
        post: operations["EnterpriseImportsController_apply"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/regulators/enterprise-imports/{id}/discard": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post: operations["EnterpriseImportsController_discard"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/me/facts": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get: operations["TraineeFactsController_mine"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/me/facts/{fact}/evidence": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Uploads evidence for one fact (education, quality_work_years, qualification, title): PDF, JPG or PNG by its bytes, ≤ 3 MB */
        post: operations["TraineeFactsController_declare"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/registry/trainees/{traineeId}/facts": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get: operations["TraineeFactsController_ofTrainee"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/registry/fact-evidence/{id}/confirm": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** The employer confirms the evidence (self_declared → enterprise_confirmed) */
        post: operations["TraineeFactsController_confirm"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/registry/fact-evidence/{id}/verify": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** The city regulator verifies confirmed evidence (enterprise_confirmed → city_verified) */
        post: operations["TraineeFactsController_verify"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/registry/fact-evidence/{id}/file": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get: operations["TraineeFactsController_file"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/regulators/appointment-backdate-approvals": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post: operations["BackdateApprovalsController_approve"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/me/profile": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get: operations["TraineesController_getOwn"];
        put: operations["TraineesController_updateOwn"];
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/trainees/{userId}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get: operations["TraineesController_get"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/me/notifications": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get: operations["NotificationsController_list"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/me/notifications/{id}/read": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post: operations["NotificationsController_markRead"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/me/credit-hours": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get: operations["CreditHoursController_ownSummary"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/me/credit-hours/entries": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get: operations["CreditHoursController_ownEntries"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/trainees/{userId}/credit-hours": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get: operations["CreditHoursController_summary"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/trainees/{userId}/credit-hours/entries": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get: operations["CreditHoursController_entries"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/credit-hours/adjustments": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post: operations["CreditHoursController_adjust"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/credit-hours/entries/{id}/reversal": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post: operations["CreditHoursController_reverse"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/credit-hours/audit-log": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get: operations["CreditHoursController_auditLog"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/me/credit-hours/outlook": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get: operations["HoursOutlookController_own"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/me/compliance": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get: operations["ComplianceController_own"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/trainees/{userId}/compliance": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get: operations["ComplianceController_trainee"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/enterprises/{id}/compliance": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get: operations["ComplianceController_enterprise"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/compliance/statuses": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get: operations["ComplianceController_list"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/compliance/rule-sets": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get: operations["ComplianceController_ruleSetList"];
        put?: never;
        post: operations["ComplianceController_publish"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/compliance/rule-sets/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get: operations["ComplianceController_ruleSet"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/topics": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get: operations["CoursesController_topics"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/catalog": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get: operations["CoursesController_search"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/courses": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get: operations["CoursesController_list"];
        put?: never;
        post: operations["CoursesController_create"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/courses/{courseId}/versions": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get: operations["CoursesController_versions"];
        put?: never;
        post: operations["CoursesController_newVersion"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/course-versions/{versionId}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get: operations["CoursesController_get"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch: operations["CoursesController_update"];
        trace?: never;
    };
    "/course-versions/{versionId}/submit": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post: operations["CoursesController_submit"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/course-versions/{versionId}/approve": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post: operations["CoursesController_approve"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/course-versions/{versionId}/return": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post: operations["CoursesController_sendBack"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/course-versions/{versionId}/publish": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post: operations["CoursesController_publish"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/course-versions/{versionId}/archive": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post: operations["CoursesController_archive"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/me/enrollments": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get: operations["EnrollmentsController_listOwn"];
        put?: never;
        post: operations["EnrollmentsController_enroll"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/me/enrollments/{enrollmentId}/withdraw": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post: operations["EnrollmentsController_withdraw"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/enrollments/{enrollmentId}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get: operations["EnrollmentsController_get"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/course-versions/{versionId}/enrollments": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get: operations["EnrollmentsController_roster"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/course-versions/{versionId}/enrollments/roster": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post: operations["EnrollmentsController_importRoster"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/me/study-sessions": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post: operations["ProgressController_start"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/me/study-sessions/{sessionId}/heartbeat": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post: operations["ProgressController_heartbeat"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/me/study-sessions/{sessionId}/end": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post: operations["ProgressController_end"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/me/study-sessions/{sessionId}/attention-checks/{checkId}/answer": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post: operations["ProgressController_answer"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/enrollments/{enrollmentId}/lessons/{lessonId}/evidence": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get: operations["ProgressController_lessonEvidence"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/lessons/{lessonId}/attendance": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post: operations["ProgressController_record"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/lessons/{lessonId}/attendance/roster": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post: operations["ProgressController_importSheet"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/content-uploads": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Start a resumable upload (tus creation): Upload-Length, Upload-Metadata filename, lessonId or kind */
        post: operations["ContentUploadsController_create"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/content-uploads/{uploadId}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post?: never;
        /** Abandon an upload (tus termination) */
        delete: operations["ContentUploadsController_abandon"];
        options?: never;
        /** Offset of an upload, to resume it (tus) */
        head: operations["ContentUploadsController_offset"];
        /** Append bytes at Upload-Offset (tus, Content-Type application/offset+octet-stream) */
        patch: operations["ContentUploadsController_append"];
        trace?: never;
    };
    "/content-files/{fileId}/url": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get: operations["MediaController_url"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/media/{fileId}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Lesson media by signed URL; supports Range */
        get: operations["MediaController_media"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/xapi/statements": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get: operations["XapiController_getStatement"];
        put: operations["XapiController_putStatement"];
        post: operations["XapiController_statements"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/xapi/about": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get: operations["XapiController_about"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/xapi/activities/state": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get: operations["XapiController_getState"];
        put: operations["XapiController_putState"];
        post: operations["XapiController_postState"];
        delete: operations["XapiController_deleteState"];
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/xapi/activities/profile": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get: operations["XapiController_getActivityProfile"];
        put: operations["XapiController_putActivityProfile"];
        post: operations["XapiController_postActivityProfile"];
        delete: operations["XapiController_deleteActivityProfile"];
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/xapi/agents/profile": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get: operations["XapiController_getAgentProfile"];
        put: operations["XapiController_putAgentProfile"];
        post: operations["XapiController_postAgentProfile"];
        delete: operations["XapiController_deleteAgentProfile"];
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/xapi/statements/confirmed": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post: operations["XapiController_confirmedStatements"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/xapi-keys": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get: operations["XapiController_listKeys"];
        put?: never;
        post: operations["XapiController_createKey"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/xapi-keys/{keyId}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post?: never;
        delete: operations["XapiController_revokeKey"];
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/content-packages": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Imports a cmi5 package (zip, cmi5.xml at its root) into the organization's library */
        post: operations["Cmi5Controller_importPackage"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/me/enrollments/{enrollmentId}/lessons/{lessonId}/cmi5-launch": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Launches an AU: the URL carries endpoint, fetch, actor, registration and activityId */
        post: operations["Cmi5Controller_launch"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/enrollments/{enrollmentId}/lessons/{lessonId}/cmi5-waive": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post: operations["Cmi5Controller_waive"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/xapi/cmi5/fetch/{token}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post: operations["Cmi5Controller_fetch"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/content-packages/{packageId}/{userId}/{expires}/{signature}/{path}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get: operations["Cmi5Controller_file"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/content-packages/{packageId}/scorm-preview": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post: operations["ScormController_preview"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/me/enrollments/{enrollmentId}/lessons/{lessonId}/scorm-launch": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Launches a SCO: a session whose URL serves the package's files with the SCORM runtime */
        post: operations["ScormController_launch"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/scorm-sessions/{sessionId}/{token}/{path}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get: operations["ScormController_file"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/scorm-commits/{sessionId}/{token}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post: operations["ScormController_commit"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/scorm-runtime/{name}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get: operations["ScormController_library"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/exam-questions": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get: operations["QuestionsController_list"];
        put?: never;
        post: operations["QuestionsController_create"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/exam-questions/import": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post: operations["QuestionsController_import"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/exam-questions/import-template": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get: operations["QuestionsController_importTemplate"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/exam-questions/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get: operations["QuestionsController_get"];
        put: operations["QuestionsController_update"];
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/exam-questions/{id}/versions": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get: operations["QuestionsController_versions"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/exam-questions/{id}/archive": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post: operations["QuestionsController_archive"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/exam-papers": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get: operations["PapersController_list"];
        put?: never;
        post: operations["PapersController_create"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/exam-papers/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get: operations["PapersController_get"];
        put: operations["PapersController_update"];
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/exam-papers/{id}/publish": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post: operations["PapersController_publish"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/exam-papers/{id}/archive": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post: operations["PapersController_archive"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/exam-papers/{id}/results": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get: operations["PapersController_listResults"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/exam-papers/{id}/results.csv": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get: operations["PapersController_exportResults"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/exam-papers/{id}/item-statistics": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get: operations["PapersController_itemStatistics"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/me/exam-papers": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get: operations["MyExamsController_available"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/me/exam-papers/{paperId}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get: operations["MyExamsController_paper"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/me/exam-papers/{paperId}/attempts": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post: operations["MyExamsController_start"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/me/exam-attempts": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get: operations["MyExamsController_list"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/me/exam-attempts/{attemptId}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get: operations["MyExamsController_get"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/me/exam-attempts/{attemptId}/answers": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put: operations["MyExamsController_save"];
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/me/exam-attempts/{attemptId}/submit": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post: operations["MyExamsController_submit"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/me/capability-results": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get: operations["MyExamsController_capabilityResults"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/capability-results": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get: operations["CapabilityResultsController_list"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/trainees/{userId}/capability-results": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get: operations["CapabilityResultsController_forTrainee"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/verify/{token}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get: operations["CertificateVerificationController_page"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/verify": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get: operations["CertificateVerificationController_form"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/certificates/verify/{token}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get: operations["CertificateVerificationController_byToken"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/certificates/verify": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get: operations["CertificateVerificationController_bySerial"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/certificates/verify/file": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post: operations["CertificateVerificationController_byFile"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/me/certificates": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get: operations["MyCertificatesController_list"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/me/certificates/{id}/pdf": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get: operations["MyCertificatesController_pdf"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/me/certificates/requests": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post: operations["MyCertificatesController_request"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/certificates": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get: operations["CertificatesController_list"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/certificates/export": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get: operations["CertificatesController_export"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/certificates/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get: operations["CertificatesController_get"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/certificates/{id}/history": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get: operations["CertificatesController_history"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/certificates/{id}/pdf": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get: operations["CertificatesController_pdf"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/certificates/{id}/revoke": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post: operations["CertificatesController_revoke"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/certificates/{id}/reissue": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post: operations["CertificatesController_reissue"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/registry/eligibility-rules": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The eligibility rule sets (thresholds of the notice’s conditions), newest first */
        get: operations["AppointmentsController_eligibilityRules"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/registry/eligibility-checks": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Checks a candidate of the enterprise against the notice’s conditions (naming each failing one) and lists what would refuse the appointment anyway (already serving, flags, the last term’s shortfall) */
        post: operations["AppointmentsController_check"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/registry/appointments": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Appointments in scope (an enterprise: its own, history included; a regulator: its region) */
        get: operations["AppointmentsController_list"];
        put?: never;
        /** Registers the enterprise’s CQO; an ineligible person needs eligibilityExceptionReason (409 CQO_NOT_ELIGIBLE otherwise) */
        post: operations["AppointmentsController_appoint"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/registry/appointments/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get: operations["AppointmentsController_get"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/registry/appointments/{id}/end": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Records a resignation or dismissal (term expiry is recorded by the daily job) */
        post: operations["AppointmentsController_end"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/registry/appointments/{id}/renew": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** 续聘: starts the next term (within 90 days of the term’s end, or after it ran out unrenewed), with the same checks as an appointment */
        post: operations["AppointmentsController_renew"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/registry/declarations": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Records the candidate’s declaration on the disqualifying circumstances (one yes/no per item) */
        post: operations["AppointmentsController_declare"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/registry/yearly-reports": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get: operations["EnterpriseReportsController_list"];
        put?: never;
        /** Files (or files again) the yearly report with its document (PDF, Word, JPEG or PNG, base64, ≤ 3 MB) */
        post: operations["EnterpriseReportsController_file"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/registry/yearly-reports/non-filers": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Enterprises on the lists by the end of the year that have not filed its report, with the due date */
        get: operations["EnterpriseReportsController_nonFilers"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/registry/yearly-reports/non-filers/reminders": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Reminds every non-filer’s enterprise admins (once per enterprise and day) */
        post: operations["EnterpriseReportsController_remind"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/registry/yearly-reports/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get: operations["EnterpriseReportsController_get"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/registry/yearly-reports/{id}/file": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get: operations["EnterpriseReportsController_download"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/registry/yearly-reports/{id}/acknowledge": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** The city (or province) signs for the report; it can no longer be replaced */
        post: operations["EnterpriseReportsController_acknowledge"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/regulators/lookups": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Looks up CQOs by full ID number (POST body only), by name and enterprise, or by certificate serial */
        post: operations["LookupController_lookup"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/regulators/cqos/{traineeId}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The status page of one person: appointments, appointment training, this and last year’s hours, certificates, flags, declarations */
        get: operations["LookupController_get"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/regulators/cqos/{traineeId}/flags": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Flags a CQO (reason and date) */
        post: operations["LookupController_flag"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/regulators/flags/{id}/clear": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Clears a flag, with a reason (the flag stays in the history) */
        post: operations["LookupController_clear"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/platform/registry-access-log": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get: operations["AccessLogController_list"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/regulators/dashboard": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Appointment rates (overall and per target group of the notice), compliance rate and counts by state for the year and the one before */
        get: operations["DashboardsController_region"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/regulators/dashboard/enterprises": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Enterprises of the region with their CQO and the CQO’s standing in the year */
        get: operations["DashboardsController_enterprises"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/regulators/enterprises/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** One enterprise: target groups, appointment history, the current CQO’s yearly standing */
        get: operations["DashboardsController_enterprise"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/regulators/shortfalls": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Serving CQOs at risk or in shortfall for the year, one row per requirement */
        get: operations["DashboardsController_shortfalls"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/regulators/exports/{list}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Exports shortfalls, appointments (appointed CQOs) or certificates of the caller’s region */
        get: operations["ExportsController_export"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/regulators/city-reports": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get: operations["CityReportsController_list"];
        put?: never;
        /** Asks for (or regenerates) a city’s yearly report; poll GET …/:id until status is ready */
        post: operations["CityReportsController_request"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/regulators/city-reports/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get: operations["CityReportsController_get"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/regulators/city-reports/{id}/pdf": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get: operations["CityReportsController_pdf"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/regulators/city-reports/{id}/xlsx": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get: operations["CityReportsController_xlsx"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/regulators/city-reports/{id}/submit": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** The city bureau signs off its report with the narrative and submits it to the province: a new frozen version */
        post: operations["CityReportsController_submit"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/regulators/city-reports/{id}/versions/{version}/acknowledge": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** The province acknowledges a submitted version */
        post: operations["CityReportsController_acknowledge"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/regulators/city-reports/{id}/versions/{version}/return": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** The province returns a submitted version with a reason; the city resubmits (a new version) */
        post: operations["CityReportsController_returnVersion"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/regulators/city-reports/{id}/versions/{version}/pdf": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get: operations["CityReportsController_versionPdf"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/regulators/city-reports/{id}/versions/{version}/xlsx": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get: operations["CityReportsController_versionXlsx"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/audit-log": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get: operations["AuditLogController_list"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/enterprise/employee-requests": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get: operations["EmployerLinksController_pending"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/enterprise/employee-requests/{userId}/confirm": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post: operations["EmployerLinksController_confirm"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/enterprise/employee-requests/{userId}/reject": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post: operations["EmployerLinksController_reject"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/enterprise/employees/{userId}/id-number": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put: operations["EmployerLinksController_correctIdNumber"];
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/me/external-claims": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get: operations["ExternalClaimsController_mine"];
        put?: never;
        /** Claims hours of training outside the platform, with 1–3 evidence files (PDF/JPG/PNG by bytes, ≤ 3 MB each) */
        post: operations["ExternalClaimsController_submit"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/external-claims": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Claims in scope; status=submitted is the enterprise queue, status=endorsed the city queue */
        get: operations["ExternalClaimsController_list"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/external-claims/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get: operations["ExternalClaimsController_get"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/external-claims/{id}/endorse": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post: operations["ExternalClaimsController_endorse"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/external-claims/{id}/reject": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** The enterprise (while submitted) or the city (while endorsed) rejects, with a reason */
        post: operations["ExternalClaimsController_reject"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/external-claims/{id}/approve": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** The city approves an endorsed claim: a ledger entry of source external_claim in the training's year */
        post: operations["ExternalClaimsController_approve"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/external-claims/{id}/evidence/{evidenceId}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get: operations["ExternalClaimsController_evidence"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/me/credit-hours/transcript": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Issues the caller's hours transcript (PDF): hours by year, category and kind with the entries behind them */
        post: operations["HoursTranscriptsController_own"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/trainees/{userId}/credit-hours/transcript": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Issues a trainee's hours transcript (PDF), for the enterprise admin or a regulator in scope */
        post: operations["HoursTranscriptsController_ofTrainee"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/id-number-collisions": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get: operations["IdNumberCollisionsController_pending"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/id-number-collisions/{id}/resolve": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post: operations["IdNumberCollisionsController_resolve"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
};
export type webhooks = Record<string, never>;
export type components = {
    schemas: {
        LoginDto: {
            /** @example trainee */
            username: string;
            /** @example Cqo-Demo!2026 */
            password: string;
            /**
             * @description TOTP code, for accounts with a second factor
             * @example 123456
             */
            totpCode?: string;
        };
        AccessTokenDto: {
            accessToken: string;
            /** @description Seconds until the access token expires */
            accessTokenExpiresIn: number;
            /**
             * Format: date-time
             * @description When the refresh token (cookie) expires
             */
            refreshTokenExpiresAt: string;
        };
        RefreshDto: {
            refreshToken?: string;
        };
        ChangePasswordDto: {
            currentPassword: string;
            /** @description At least 10 characters (12 for staff), not common, not the user name */
            newPassword: string;
        };
        TotpEnrolmentDto: {
            /** @description Base32 secret for an authenticator app */
            secret: string;
            /** @description otpauth:// URI (for a QR code) */
            otpauthUri: string;
        };
        TotpCodeDto: {
            /** @example 123456 */
            code: string;
        };
        RegisterDto: {
            /** @example 张三 */
            fullName: string;
            /**
             * @description 18-digit resident ID number; stored hashed, shown masked
             * @example 11010519491231002X
             */
            idNumber: string;
            /** @example 13912345678 */
            phone?: string;
            /**
             * Format: uuid
             * @description Employer enterprise
             */
            enterpriseId?: string;
            /** @enum {string} */
            educationLevel: "secondary" | "associate" | "bachelor" | "master" | "doctorate";
            /**
             * @description Years of quality-management work
             * @example 6
             */
            qualityWorkYears: number;
            /** @enum {string} */
            qualityQualification: "none" | "primary" | "intermediate" | "senior";
            /** @description Holds a quality-related senior technical title */
            relatedSeniorTitle: boolean;
            /** @example 高级工程师 */
            titleName?: string;
            /** @description Hold me to the yearly hour requirements even if I am not a serving CQO */
            yearlyRequirementsOptIn?: boolean;
            /** @example zhangsan */
            username: string;
            /** @description At least 10 characters, not common, not the user name */
            password: string;
            /** @example zhangsan@example.com */
            email?: string;
        };
        MeDto: {
            userId: string;
            username: string;
            displayName: string;
            /** @enum {string} */
            role: "trainee" | "org_admin" | "enterprise_admin" | "regulator" | "platform_admin";
            organizationId: string | null;
            enterpriseId: string | null;
            regionId: string | null;
            totpEnabled: boolean;
            /** @description The role must keep the second factor (it cannot be turned off) */
            totpRequired: boolean;
            /** @description A platform admin who must enrol TOTP before anything else */
            totpEnrolmentRequired: boolean;
            email: string | null;
            /** @description The address was confirmed by a mailed link (log-in does not require it; the web app shows a banner) */
            emailVerified: boolean;
        };
        ForgotPasswordDto: {
            /** @example zhangsan@example.cn */
            email: string;
        };
        ForgotPasswordAnswerDto: {
            message: string;
        };
        ResetPasswordDto: {
            /** @description The token of the link in the reset mail */
            token: string;
            newPassword: string;
        };
        EmailTokenDto: {
            /** @description The token of the link in the mail */
            token: string;
        };
        EmailVerifiedDto: {
            email: string;
            /** @description False when the account has since changed its address (the link was for an old one) */
            verified: boolean;
        };
        NotificationSettingsDto: {
            email: string | null;
            emailVerified: boolean;
            /** @description Reminder mail (the daily digest of shortfalls, term expiry, reports due) */
            emailReminders: boolean;
            /** @description Mail about course reviews, claim decisions, certificates issued */
            emailUpdates: boolean;
        };
        UpdateNotificationSettingsDto: {
            /** @description A new address gets a verification mail; null removes it */
            email?: string | null;
            emailReminders?: boolean;
            emailUpdates?: boolean;
        };
        UnsubscribeDto: {
            /** @description The token of the unsubscribe link */
            token: string;
        };
        DeadLetterDto: {
            address: string;
            smtpCode: number | null;
            reason: string;
            bounces: number;
            /** Format: date-time */
            firstBouncedAt: string;
            /** Format: date-time */
            lastBouncedAt: string;
        };
        CaughtMailSummaryDto: {
            id: string;
            subject: string;
            to: string;
            /** Format: date-time */
            receivedAt: string;
        };
        CaughtMailDto: {
            id: string;
            subject: string;
            to: string;
            /** Format: date-time */
            receivedAt: string;
            from: string;
            text: string;
            html: string | null;
        };
        CreateUserDto: {
            /** @example org-admin-2 */
            username: string;
            /** @description Staff: at least 12 characters, not common, not the user name */
            password: string;
            /** @example 李四 */
            displayName: string;
            /** @enum {string} */
            role: "trainee" | "org_admin" | "enterprise_admin" | "regulator" | "platform_admin";
            /**
             * Format: uuid
             * @description Required for org_admin
             */
            organizationId?: string;
            /**
             * Format: uuid
             * @description Required for enterprise_admin
             */
            enterpriseId?: string;
            /**
             * Format: uuid
             * @description Required for regulator
             */
            regionId?: string;
        };
        SetUserStatusDto: {
            /** @enum {string} */
            status: "active" | "disabled";
        };
        ChangeUserRoleDto: {
            /** @enum {string} */
            role: "trainee" | "org_admin" | "enterprise_admin" | "regulator" | "platform_admin";
            /**
             * Format: uuid
             * @description Required for org_admin
             */
            organizationId?: string;
            /**
             * Format: uuid
             * @description Required for enterprise_admin
             */
            enterpriseId?: string;
            /**
             * Format: uuid
             * @description Required for regulator
             */
            regionId?: string;
        };
        CreateTrainingOrganizationDto: {
            /** @example 甘肃省质量发展研究院 */
            name: string;
            /** @example 12620000MB1234567X */
            creditCode: string;
            /** Format: uuid */
            regionId: string;
            contactName?: string;
        };
        EnterpriseSearchHitDto: {
            id: string;
            name: string;
            /** @description Unified social credit code (public business data) */
            creditCode: string;
            regionName: string;
        };
        CreateEnterpriseDto: {
            /** @example 兰州某某机械制造有限公司 */
            name: string;
            /** @example 91620100MA71234567 */
            creditCode: string;
            /** Format: uuid */
            regionId: string;
            stateOwned: boolean;
            /** @description 规模以上 */
            aboveDesignatedSize: boolean;
            /** @description 生产型企业 */
            production: boolean;
            /**
             * @description 中国质量奖
             * @enum {string}
             */
            chinaQualityAward: "none" | "nominated" | "awarded";
            /**
             * @description 甘肃省人民政府质量奖
             * @enum {string}
             */
            provincialQualityAward: "none" | "nominated" | "awarded";
            /**
             * @description 市（州）政府质量奖
             * @enum {string}
             */
            cityQualityAward: "none" | "nominated" | "awarded";
            /**
             * @description 中国质量奖 year obtained
             * @example 2020
             */
            chinaQualityAwardYear?: number | null;
            /**
             * @description 甘肃省人民政府质量奖 year obtained
             * @example 2020
             */
            provincialQualityAwardYear?: number | null;
            /**
             * @description 市（州）政府质量奖 year obtained
             * @example 2020
             */
            cityQualityAwardYear?: number | null;
        };
        UpdateEnterpriseDto: {
            name?: string;
            stateOwned?: boolean;
            aboveDesignatedSize?: boolean;
            production?: boolean;
            /** @enum {string} */
            chinaQualityAward?: "none" | "nominated" | "awarded";
            /** @enum {string} */
            provincialQualityAward?: "none" | "nominated" | "awarded";
            /** @enum {string} */
            cityQualityAward?: "none" | "nominated" | "awarded";
            /**
             * @description 中国质量奖 year obtained
             * @example 2020
             */
            chinaQualityAwardYear?: number | null;
            /**
             * @description 甘肃省人民政府质量奖 year obtained
             * @example 2020
             */
            provincialQualityAwardYear?: number | null;
            /**
             * @description 市（州）政府质量奖 year obtained
             * @example 2020
             */
            cityQualityAwardYear?: number | null;
        };
        NominationDto: {
            /**
             * Format: uuid
             * @description The published course version (offering)
             */
            courseVersionId: string;
            /** @description Confirmed employees to enrol, in order of priority (1–200, no repeats) */
            userIds: string[];
        };
        NominationSummaryDto: {
            requested: number;
            enrolled: number;
            alreadyEnrolled: number;
            notEnrolled: number;
            seatsLeft: number | null;
        };
        NominationRowDto: {
            userId: string;
            fullName: string | null;
            idNumberMasked: string | null;
            /** @enum {string} */
            outcome: "enrolled" | "already_enrolled" | "capacity_full" | "not_staff" | "not_eligible";
            reason: string;
        };
        NominationReportDto: {
            courseVersionId: string;
            title: string;
            summary: components["schemas"]["NominationSummaryDto"];
            rows: components["schemas"]["NominationRowDto"][];
        };
        CorrectionChangesDto: {
            name?: string;
            stateOwned?: boolean;
            aboveDesignatedSize?: boolean;
            production?: boolean;
            /** @enum {string} */
            chinaQualityAward?: "none" | "nominated" | "awarded";
            /** @enum {string} */
            provincialQualityAward?: "none" | "nominated" | "awarded";
            /** @enum {string} */
            cityQualityAward?: "none" | "nominated" | "awarded";
            /**
             * @description 中国质量奖 year obtained
             * @example 2020
             */
            chinaQualityAwardYear?: number | null;
            /**
             * @description 甘肃省人民政府质量奖 year obtained
             * @example 2020
             */
            provincialQualityAwardYear?: number | null;
            /**
             * @description 市（州）政府质量奖 year obtained
             * @example 2020
             */
            cityQualityAwardYear?: number | null;
            /** Format: uuid */
            regionId?: string;
        };
        CorrectionCreateDto: {
            changes: components["schemas"]["CorrectionChangesDto"];
            /** @example 我公司2020年获甘肃省人民政府质量奖提名，名录漏登 */
            reason: string;
        };
        CorrectionDecisionDto: {
            approve: boolean;
            /** @example 经核对获奖文件，情况属实 */
            note?: string;
        };
        EnterpriseImportCreateDto: {
            /** @example 兰州市2021年规模以上工业企业名录.xlsx */
            fileName: string;
            /** @enum {string} */
            format: "xlsx" | "csv";
            /** @description The official list, base64 (at most 3 MB before encoding). Columns: 统一社会信用代码, 企业名称, 所属地区, 国有企业, 规模以上, 生产性企业, 中国质量奖, 中国质量奖年度, 甘肃省人民政府质量奖, 甘肃省人民政府质量奖年度, 市州政府质量奖, 市州政府质量奖年度 */
            contentBase64: string;
            /**
             * @description The date the list speaks for (the versions it creates hold from it); default today
             * @example 2021-01-01
             */
            effectiveOn?: string;
        };
        EvidenceUploadDto: {
            /** @example 学位证书.pdf */
            fileName: string;
            /** @description The scan, base64: PDF, JPG or PNG (by its bytes), at most 3 MB before encoding */
            contentBase64: string;
        };
        BackdateApprovalCreateDto: {
            /** Format: uuid */
            enterpriseId: string;
            /** Format: uuid */
            traineeId: string;
            /** @example 2026-01-15 */
            appointedOn: string;
            /** @example 企业提供了2026年1月15日的聘任文件，登记延误 */
            reason: string;
        };
        UpdateProfileDto: {
            /** @example 张三 */
            fullName: string;
            /** @example 13912345678 */
            phone?: string;
            /**
             * Format: uuid
             * @description Employer enterprise
             */
            enterpriseId?: string;
            /** @enum {string} */
            educationLevel: "secondary" | "associate" | "bachelor" | "master" | "doctorate";
            /**
             * @description Years of quality-management work
             * @example 6
             */
            qualityWorkYears: number;
            /** @enum {string} */
            qualityQualification: "none" | "primary" | "intermediate" | "senior";
            /** @description Holds a quality-related senior technical title */
            relatedSeniorTitle: boolean;
            /** @example 高级工程师 */
            titleName?: string;
            /** @description Hold me to the yearly hour requirements even if I am not a serving CQO */
            yearlyRequirementsOptIn?: boolean;
            /**
             * @description Only to change it (allowed while nothing refers to the person)
             * @example 11010519491231002X
             */
            idNumber?: string;
        };
        AdjustmentDto: {
            /**
             * Format: uuid
             * @description The trainee (user id)
             */
            traineeId: string;
            /** @enum {number} */
            category: 1 | 2;
            /**
             * @description Category-2 hours are always continuing
             * @enum {string}
             */
            kind: "appointment" | "continuing";
            /**
             * @description Positive exact decimal as text (at most 200)
             * @example 2.5
             */
            hours: string;
            /**
             * @description Day the hours were earned (CST); decides the year
             * @example 2026-05-20
             */
            occurredOn: string;
            /** @example 补录线下培训学时（签到表编号 2026-017） */
            reason: string;
            /** @example 签到表 2026-017 */
            evidenceRef?: string;
        };
        ReversalDto: {
            /** @example 培训机构撤销该课程的结业认定 */
            reason: string;
        };
        RuleDto: {
            /**
             * @description Names the requirement across rule sets
             * @example continuing
             */
            code: string;
            /** @example 第一类继续教育 */
            name: string;
            /** @enum {number} */
            category: 1 | 2;
            /** @enum {string} */
            kind: "appointment" | "continuing";
            /** @example 14 */
            minHours: string;
            /** @enum {string} */
            period: "once" | "calendar_year";
            /**
             * @description Whether appointment hours count toward this yearly requirement
             * @default false
             */
            countAppointmentHours: boolean;
            /**
             * @description At risk when accrued < threshold × required × share of year elapsed
             * @example 1
             */
            atRiskThreshold?: string;
            /** @enum {string} */
            appliesTo: "everyone" | "serving_and_opted_in";
        };
        RuleSetDto: {
            /** @example 甘肃省首席质量官学时要求（2027年修订） */
            name: string;
            /** Format: uuid */
            regionId: string;
            /**
             * @description First calendar year (CST) the set governs: next year or later, or this year with applyToCurrentYear and reason
             * @example 2027
             */
            firstYear: number;
            /**
             * @description Apply the set to the year already in progress (audited with reason)
             * @default false
             */
            applyToCurrentYear: boolean;
            /** @description Why the year in progress changes rules (required with applyToCurrentYear) */
            reason?: string;
            /**
             * @description Minutes in one 学时 (default 45)
             * @example 45
             */
            minutesPerCreditHour?: number;
            /**
             * @description Reminder days ('MM-DD', CST)
             * @example [
             *       "10-01",
             *       "12-01",
             *       "12-24"
             *     ]
             */
            reminderDates?: string[];
            rules: components["schemas"]["RuleDto"][];
        };
        AttentionChecksDto: {
            /** @example 10 */
            minMinutes: number;
            /** @example 20 */
            maxMinutes: number;
            /**
             * @description Seconds to answer before the check counts as failed
             * @example 60
             */
            timeoutSeconds?: number;
            /** @description Draw a single-choice or true/false question from the question bank */
            fromBank?: boolean;
        };
        LessonDto: {
            /** @example 质量强国建设纲要解读 */
            title: string;
            /**
             * @description video / document are studied online; live_session is attended in person
             * @enum {string}
             */
            type: "video" | "document" | "live_session" | "cmi5" | "scorm";
            /**
             * @description Declared length in minutes
             * @example 45
             */
            minutes: number;
            /** @example true */
            required: boolean;
            /** @example https://media.example.cn/lessons/1.mp4 */
            contentUrl?: Record<string, never>;
            /**
             * Format: uuid
             * @description An uploaded file (POST /content-uploads): video for a video lesson, PDF for a document
             */
            contentFileId?: Record<string, never> | null;
            /**
             * Format: uuid
             * @description cmi5 lessons: an imported package (POST /content-packages)
             */
            contentPackageId?: Record<string, never> | null;
            /** @description live_session only: ISO 8601 */
            startsAt?: Record<string, never>;
            /** @description live_session only: ISO 8601 */
            endsAt?: Record<string, never>;
            /**
             * @description live_session only
             * @example 兰州市城关区质量大厦 3 楼报告厅
             */
            venue?: Record<string, never>;
        };
        CourseContentDto: {
            /** @example 质量强国战略与企业首席质量官制度 */
            title: string;
            /** @example 面向企业首席质量官的任职培训课程。 */
            description: string;
            /**
             * @description 1 第一类 (policy and management), 2 第二类 (methods and tools)
             * @enum {number}
             */
            category: 1 | 2;
            /**
             * @description Topic codes of the category (GET /topics)
             * @example [
             *       "national-quality-policy",
             *       "cqo-system"
             *     ]
             */
            topicCodes: string[];
            /**
             * @description Category 2 courses are always continuing
             * @enum {string}
             */
            kind: "appointment" | "continuing";
            /**
             * @description Credit hours (学时), > 0 in steps of 0.5; a number is accepted too
             * @example 7.5
             */
            creditHours: string;
            /** @enum {string} */
            deliveryMode: "online" | "in_person" | "blended";
            /**
             * @description Seats; null or absent = no limit
             * @example 50
             */
            capacity?: Record<string, never> | null;
            /** @description ISO 8601; absent = open from publication */
            enrollmentOpensAt?: Record<string, never> | null;
            /** @description ISO 8601; absent = no closing date */
            enrollmentClosesAt?: Record<string, never> | null;
            /**
             * @description Share of declared minutes that completes a lesson (default 0.90)
             * @example 0.90
             */
            completionShare?: string;
            /**
             * Format: uuid
             * @description Final exam paper (exams API)
             */
            finalExamPaperId?: Record<string, never> | null;
            /** @description Null or absent: no attention checks */
            attentionChecks?: components["schemas"]["AttentionChecksDto"] | null;
            lessons: components["schemas"]["LessonDto"][];
        };
        UpdateCourseDto: {
            /** @example 质量强国战略与企业首席质量官制度 */
            title?: string;
            /** @example 面向企业首席质量官的任职培训课程。 */
            description?: string;
            /**
             * @description 1 第一类 (policy and management), 2 第二类 (methods and tools)
             * @enum {number}
             */
            category?: 1 | 2;
            /**
             * @description Topic codes of the category (GET /topics)
             * @example [
             *       "national-quality-policy",
             *       "cqo-system"
             *     ]
             */
            topicCodes?: string[];
            /**
             * @description Category 2 courses are always continuing
             * @enum {string}
             */
            kind?: "appointment" | "continuing";
            /**
             * @description Credit hours (学时), > 0 in steps of 0.5; a number is accepted too
             * @example 7.5
             */
            creditHours?: string;
            /** @enum {string} */
            deliveryMode?: "online" | "in_person" | "blended";
            /**
             * @description Seats; null or absent = no limit
             * @example 50
             */
            capacity?: Record<string, never> | null;
            /** @description ISO 8601; absent = open from publication */
            enrollmentOpensAt?: Record<string, never> | null;
            /** @description ISO 8601; absent = no closing date */
            enrollmentClosesAt?: Record<string, never> | null;
            /**
             * @description Share of declared minutes that completes a lesson (default 0.90)
             * @example 0.90
             */
            completionShare?: string;
            /**
             * Format: uuid
             * @description Final exam paper (exams API)
             */
            finalExamPaperId?: Record<string, never> | null;
            /** @description Null or absent: no attention checks */
            attentionChecks?: components["schemas"]["AttentionChecksDto"] | null;
            lessons?: components["schemas"]["LessonDto"][];
        };
        ApproveDto: {
            /** @example 甘质培审〔2026〕第018号 */
            approvalNumber: string;
        };
        SendBackDto: {
            /** @example 课时安排不足以支撑所申报学时，请补充。 */
            reason: string;
        };
        EnrollDto: {
            /**
             * Format: uuid
             * @description A published course version (from the catalog)
             */
            courseVersionId: string;
        };
        CsvUploadDto: {
            /**
             * @description CSV text with a header row: id_number (身份证号) or username (用户名); name (姓名) is ignored
             * @example id_number,name
             *     620102198503121234,张伟
             */
            csv: string;
            /**
             * @description all-or-nothing: apply nothing if any row fails
             * @default valid-rows
             * @enum {string}
             */
            mode: "valid-rows" | "all-or-nothing";
        };
        StartStudyDto: {
            /** Format: uuid */
            enrollmentId: string;
            /**
             * Format: uuid
             * @description An online (video or document) lesson of the enrolled version
             */
            lessonId: string;
        };
        HeartbeatDto: {
            /** @description Playback position, seconds */
            position?: number;
            /** @description Playback rate; above 1 credits nothing */
            playbackRate?: number;
            visible?: boolean;
            focused?: boolean;
            /** @description Seconds since the last mouse, key or touch input */
            idleSeconds?: number;
        };
        AttentionAnswerDto: {
            /** @description The chosen option of a question check; absent for a confirmation */
            answer?: Record<string, never>;
        };
        AttendanceDto: {
            /** Format: uuid */
            traineeId: string;
            /** @example 2026-03-01T09:00:00+08:00 */
            signedInAt: string;
            /** @example 2026-03-01T12:00:00+08:00 */
            signedOutAt: string;
        };
        CreateXapiKeyDto: {
            /** @example 外部学习平台 */
            name: string;
        };
        ImportPackageDto: {
            /** @description The zip file name as uploaded */
            fileName: string;
            /** @description The cmi5 package (zip with cmi5.xml at its root), base64, at most 3 MB */
            contentBase64: string;
        };
        Cmi5LaunchDto: {
            /** @description The AU to launch (its id in cmi5.xml); the first AU when absent */
            auId?: string;
        };
        Cmi5WaiveDto: {
            /** @description The AU to waive (its id in cmi5.xml) */
            auId: string;
            /** @enum {string} */
            reason: "Tested Out" | "Equivalent AU" | "Equivalent Outside Activity" | "Administrative";
        };
        ScormLaunchDto: {
            /** @description The SCO to launch (its item identifier in imsmanifest.xml); the first SCO when absent */
            scoId?: string;
        };
        QuestionOptionDto: {
            /** @example 企业主要负责人 */
            text: string;
            /** @description Whether this option is (one of) the right answer(s) */
            correct: boolean;
        };
        QuestionDto: {
            /**
             * @description single 单选 / multiple 多选 / true_false 判断
             * @enum {string}
             */
            type: "single" | "multiple" | "true_false";
            /** @example 首席质量官一般由谁聘任？ */
            stem: string;
            /** @description 2–8 options (true/false: exactly 2); ids are assigned by the server */
            options: components["schemas"]["QuestionOptionDto"][];
            /** @enum {number} */
            category: 1 | 2;
            /**
             * @description Topic codes (GET /topics) of the category
             * @example [
             *       "cqo-system"
             *     ]
             */
            topics: string[];
            /** @example 3 */
            difficulty: number | ("easy" | "medium" | "hard");
            /** @description Shown with the key when the paper reveals answers */
            explanation?: Record<string, never>;
        };
        ImportQuestionsDto: {
            /** @enum {string} */
            format: "csv" | "xlsx";
            /** @description The file, base64-encoded (at most 2000 questions). Header row: 题型, 题干, A…H (options), 答案 (letters, or 对/错 for 判断), 类别 (1/2), 知识点 (topic codes separated by ; or ,), 难度 (1–5 or 易/中/难), 解析 (optional); English headers type, stem, answer, category, topics, difficulty, explanation also work. */
            contentBase64: string;
            /**
             * @description Check every row without saving
             * @default false
             */
            dryRun: boolean;
        };
        FixedQuestionDto: {
            /** Format: uuid */
            questionId: string;
            /** @default 1 */
            points: number;
        };
        DrawRuleDto: {
            /** @description How many questions this rule draws */
            count: number;
            /** @enum {number} */
            category?: 1 | 2;
            /** @example six-sigma */
            topic?: string;
            /** @description An exact difficulty level */
            difficulty?: number;
            /**
             * @description A band: easy = 1–2, medium = 3, hard = 4–5
             * @enum {string}
             */
            difficultyBand?: "easy" | "medium" | "hard";
            /**
             * @description Points per drawn question
             * @default 1
             */
            points: number;
        };
        PaperDto: {
            /**
             * @description course_exam: a course version names it as its final exam; capability_test: 能力测试, not tied to a course
             * @enum {string}
             */
            kind: "course_exam" | "capability_test";
            /** @example 首席质量官任职培训结业考试 */
            title: string;
            description?: string;
            /** @example 60 */
            passMarkPercent: number;
            /** @example 60 */
            timeLimitMinutes: number;
            /** @description Omit or null for no limit */
            maxAttempts?: Record<string, never>;
            /**
             * @description Minutes between a graded attempt and the next start
             * @default 0
             */
            cooldownMinutes: number;
            /**
             * @description Seconds after the deadline during which answers are still accepted
             * @default 30
             */
            graceSeconds: number;
            /** @default false */
            shuffleQuestions: boolean;
            /** @default false */
            shuffleOptions: boolean;
            /**
             * @description After submission the trainee always sees the score; the key is shown never, only for a pass (when_passed), or even for a failure (always)
             * @default never
             * @enum {string}
             */
            revealAnswers: "never" | "when_passed" | "always";
            fixedQuestions?: components["schemas"]["FixedQuestionDto"][];
            /** @description Applied in order after the fixed questions; a rule never draws a question already on the paper */
            drawRules?: components["schemas"]["DrawRuleDto"][];
        };
        AnswerDto: {
            /** @description The question position in the attempt */
            position: number;
            /**
             * @description Chosen option ids (random ids from the attempt); [] clears the answer
             * @example [
             *       "hK3x9_aQ"
             *     ]
             */
            optionIds: string[];
        };
        SaveAnswersDto: {
            answers: components["schemas"]["AnswerDto"][];
        };
        PublicVerificationDto: {
            /** @enum {string} */
            status: "valid" | "revoked" | "superseded" | "unknown";
            /** @description The Ed25519 signature over the content and PDF hash verifies */
            authentic: boolean;
            serial: string | null;
            /** @enum {string|null} */
            kind: "course_completion" | "appointment_training" | "yearly_continuing" | null;
            /** @example 结业证书 */
            title: string | null;
            /** @example 张** */
            holderName: string | null;
            /**
             * @example [
             *       "第一类 继续教育 14 学时"
             *     ]
             */
            hours: string[];
            subject: string | null;
            issuer: string | null;
            /** @example 2026-03-15 */
            issuedOn: string | null;
            revokedOn: string | null;
            supersededOn: string | null;
        };
        VerifyFileDto: {
            /** @description The certificate PDF, base64 (at most 2 MB before encoding) */
            pdfBase64: string;
        };
        FileVerificationDto: {
            /** @description The file is byte for byte a certificate PDF issued here */
            unaltered: boolean;
            certificate: components["schemas"]["PublicVerificationDto"];
        };
        CertificateRequestDto: {
            /**
             * @description The year of the yearly certificate; the current year by default
             * @example 2026
             */
            year?: number;
        };
        CertificateReasonDto: {
            /** @example 学员姓名录入错误，已更正 */
            reason: string;
        };
        EligibilityRuleSetDto: {
            /** Format: uuid */
            id: string;
            name: string;
            /** @example 2021-01-01 */
            effectiveFrom: string;
            /** @example 5 */
            minQualityWorkYears: string;
            /** @enum {string} */
            minEducationLevel: "secondary" | "associate" | "bachelor" | "master" | "doctorate";
            /** @enum {string} */
            minQualityQualification: "none" | "primary" | "intermediate" | "senior";
            acceptRelatedSeniorTitle: boolean;
            requireAppointmentCertificate: boolean;
            /** @example 3 */
            defaultTermYears: number;
            /**
             * @example [
             *       90,
             *       30
             *     ]
             */
            reminderDaysBefore: number[];
        };
        TraineeIdentifierDto: {
            /**
             * @description The trainee’s user name
             * @example zhangwei
             */
            username?: string;
            /**
             * @description The full citizen ID number; matched by keyed hash, never stored or echoed
             * @example 620102198503121234
             */
            idNumber?: string;
        };
        EligibilityCheckDto: {
            trainee: components["schemas"]["TraineeIdentifierDto"];
        };
        CandidateDto: {
            /** Format: uuid */
            traineeId: string;
            /** @example 张伟 */
            fullName: string;
            /** @example 620102********1234 */
            idNumberMasked: string;
            /** Format: uuid */
            enterpriseId: string | null;
            enterpriseName: string | null;
        };
        EligibilityConditionDto: {
            /** @enum {string} */
            code: "QUALITY_WORK_YEARS" | "EDUCATION_LEVEL" | "QUALITY_QUALIFICATION" | "APPOINTMENT_TRAINING_HOURS" | "APPOINTMENT_TRAINING_CERTIFICATE";
            met: boolean;
            /** @example 从事质量管理工作5年以上 */
            requirement: string;
            /** @example 3年 */
            actual: string;
            /** @example 从事质量管理工作不满5年 */
            message: string | null;
        };
        EligibilityResultDto: {
            eligible: boolean;
            /**
             * Format: uuid
             * @description The eligibility rule set that judged
             */
            ruleSetId: string;
            /** @example 2026-05-01 */
            checkedOn: string;
            conditions: components["schemas"]["EligibilityConditionDto"][];
            failures: ("QUALITY_WORK_YEARS" | "EDUCATION_LEVEL" | "QUALITY_QUALIFICATION" | "APPOINTMENT_TRAINING_HOURS" | "APPOINTMENT_TRAINING_CERTIFICATE")[];
        };
        AppointmentObstacleDto: {
            /** @example TRAINEE_ALREADY_SERVING */
            code: string;
            /** @example 该人员正在其他企业担任首席质量官，须待原企业登记其离任后才能聘任 */
            message: string;
        };
        EligibilityAnswerDto: {
            candidate: components["schemas"]["CandidateDto"];
            result: components["schemas"]["EligibilityResultDto"];
            /** @description What would refuse the appointment whatever the form says; empty when nothing does */
            obstacles: components["schemas"]["AppointmentObstacleDto"][];
        };
        AppointmentCreateDto: {
            trainee: components["schemas"]["TraineeIdentifierDto"];
            /** @example 副总经理兼首席质量官 */
            positionTitle: string;
            /**
             * @description below_deputy needs positionExceptionReason (small and micro enterprises)
             * @enum {string}
             */
            positionLevel: "general_manager" | "deputy_general_manager" | "equivalent_senior" | "below_deputy";
            /** @example 小微企业，设质量负责人兼任首席质量官 */
            positionExceptionReason?: Record<string, never> | null;
            /**
             * @description 聘任授权证书编号
             * @example LZJX-CQO-2026-001
             */
            authorizationCertificateNo: string;
            /** @example 2026-03-01 */
            appointedOn: string;
            /**
             * @description Default: the rule set’s term (3 years)
             * @example 3
             */
            termYears?: number;
            /** @description Required to appoint a person who fails the eligibility check; regulators see the appointment flagged */
            eligibilityExceptionReason?: Record<string, never> | null;
        };
        AppointmentDto: {
            /** Format: uuid */
            id: string;
            /** Format: uuid */
            enterpriseId: string;
            enterpriseName: string;
            /** Format: uuid */
            regionId: string;
            /** @example 兰州市 */
            regionName: string;
            /** Format: uuid */
            traineeId: string;
            fullName: string;
            /** @example 620102********1234 */
            idNumberMasked: string;
            positionTitle: string;
            /** @enum {string} */
            positionLevel: "general_manager" | "deputy_general_manager" | "equivalent_senior" | "below_deputy";
            /** @example 副总经理（副总裁） */
            positionLevelLabel: string;
            positionExceptionReason: string | null;
            /** @description 聘任授权证书编号 */
            authorizationCertificateNo: string;
            /** @example 2026-03-01 */
            appointedOn: string;
            /** @example 3 */
            termYears: number;
            /**
             * @description Last day of the term
             * @example 2029-02-28
             */
            termEndsOn: string;
            /** @enum {string} */
            status: "serving" | "ended";
            eligible: boolean;
            /** @description The check at the time of appointment */
            eligibility: components["schemas"]["EligibilityResultDto"];
            eligibilityExceptionReason: string | null;
            /** @description Appointed by exception (ineligible, or below deputy general manager): regulators see it flagged */
            exceptionFlagged: boolean;
            endedOn: string | null;
            /** @enum {string|null} */
            endReason: "resignation" | "dismissal" | "term_expired" | "renewed" | null;
            /** @example 任期届满 */
            endReasonLabel: string | null;
            endNote: string | null;
            /** Format: date-time */
            createdAt: string;
        };
        AppointmentPageDto: {
            items: components["schemas"]["AppointmentDto"][];
            total: number;
            page: number;
            pageSize: number;
        };
        AppointmentEndDto: {
            /**
             * @description Term expiry is recorded by the daily job
             * @enum {string}
             */
            reason: "resignation" | "dismissal";
            /**
             * @description Default: today (CST)
             * @example 2026-09-30
             */
            endedOn?: string;
            note?: Record<string, never> | null;
        };
        AppointmentRenewDto: {
            /**
             * @description The new term’s authorization certificate number
             * @example CQO-AUTH-2029-001
             */
            authorizationCertificateNo: string;
            /**
             * @description Default: the rule set’s term
             * @example 3
             */
            termYears?: number;
            /** @example 副总经理兼首席质量官 */
            positionTitle?: string;
        };
        DeclarationAnswersDto: {
            serious_quality_violation: boolean;
            improper_gain: boolean;
            abuse_of_office: boolean;
            leaked_secrets: boolean;
            other_harm: boolean;
        };
        DeclarationCreateDto: {
            trainee: components["schemas"]["TraineeIdentifierDto"];
            /** @example 2026-02-20 */
            declaredOn: string;
            /** @description Items: serious_quality_violation, improper_gain, abuse_of_office, leaked_secrets, other_harm */
            answers: components["schemas"]["DeclarationAnswersDto"];
            note?: Record<string, never> | null;
        };
        DeclarationItemDto: {
            /** @enum {string} */
            item: "serious_quality_violation" | "improper_gain" | "abuse_of_office" | "leaked_secrets" | "other_harm";
            label: string;
            /** @description The candidate declares the circumstance applies */
            applies: boolean;
        };
        DeclarationDto: {
            /** Format: uuid */
            id: string;
            /** Format: uuid */
            traineeId: string;
            /** Format: uuid */
            enterpriseId: string;
            enterpriseName: string;
            /** @example 2026-02-20 */
            declaredOn: string;
            items: components["schemas"]["DeclarationItemDto"][];
            anyDisqualifying: boolean;
            note: string | null;
            /** Format: date-time */
            createdAt: string;
        };
        ReportFileDto: {
            /** @example 2026年度首席质量官制度落实情况报告.pdf */
            fileName: string;
            /** @enum {string} */
            contentType: "application/pdf" | "application/msword" | "application/vnd.openxmlformats-officedocument.wordprocessingml.document" | "image/jpeg" | "image/png";
            /** @description The file, base64 (at most 3 MB before encoding) */
            contentBase64: string;
        };
        EnterpriseReportCreateDto: {
            /** @example 2026 */
            year: number;
            /** @description A CQO was in post during the year */
            cqoInPlace: boolean;
            /** @description 已建立首席质量官任职绩效考核制度和实施细则 */
            appraisalSystemEstablished: boolean;
            /** @enum {string} */
            appraisalResult: "excellent" | "competent" | "basically_competent" | "incompetent" | "not_appraised";
            /**
             * @description 重特大质量安全事故 in the year
             * @example 0
             */
            majorQualityIncidents: number;
            /** @example 本年度首席质量官履职情况…… */
            summary: string;
            file: components["schemas"]["ReportFileDto"];
        };
        EnterpriseReportDto: {
            /** Format: uuid */
            id: string;
            /** Format: uuid */
            enterpriseId: string;
            enterpriseName: string;
            regionName: string;
            year: number;
            cqoInPlace: boolean;
            appraisalSystemEstablished: boolean;
            /** @enum {string} */
            appraisalResult: "excellent" | "competent" | "basically_competent" | "incompetent" | "not_appraised";
            /** @example 称职 */
            appraisalResultLabel: string;
            majorQualityIncidents: number;
            summary: string;
            fileName: string;
            fileContentType: string;
            fileSize: number;
            fileSha256: string;
            /** @enum {string} */
            status: "filed" | "acknowledged";
            /** Format: date-time */
            filedAt: string;
            /** Format: date-time */
            acknowledgedAt: string | null;
            acknowledgementNote: string | null;
        };
        EnterpriseReportPageDto: {
            items: components["schemas"]["EnterpriseReportDto"][];
            total: number;
            page: number;
            pageSize: number;
        };
        ReminderDto: {
            /** @example 2026 */
            year: number;
            /** Format: uuid */
            regionId?: string;
        };
        AcknowledgeDto: {
            /** @example 已收悉 */
            note?: Record<string, never> | null;
        };
        LookupDto: {
            /** @enum {string} */
            kind: "id_number" | "name_enterprise" | "certificate_serial";
            /** @example 620102198503121234 */
            idNumber?: string;
            /** @example 张伟 */
            fullName?: string;
            /** Format: uuid */
            enterpriseId?: string;
            /** @example 陇原机械 */
            enterpriseName?: string;
            /** @example GS-CQO-2026-000123-K7 */
            serial?: string;
        };
        AppointmentTrainingDto: {
            /** @description Hours reached and a valid appointment-training certificate held */
            done: boolean;
            /** @example 21 */
            hours: string;
            /** @example 21 */
            requiredHours: string;
            certificateSerial: string | null;
            /** @enum {string|null} */
            certificateStatus: "valid" | "revoked" | "superseded" | null;
        };
        RequirementStatusDto: {
            /** @example continuing */
            requirement: string;
            /** @example 第一类继续教育 */
            ruleName: string;
            /** @enum {number} */
            category: 1 | 2;
            /** @enum {string} */
            kind: "appointment" | "continuing";
            /** @example 14 */
            required: string;
            /** @example 9.5 */
            accrued: string;
            /** @example 4.5 */
            shortfall: string;
            /** @enum {string} */
            state: "not_applicable" | "on_track" | "at_risk" | "complete" | "shortfall";
            /** @description The year has closed: the state is final */
            final: boolean;
        };
        YearStatusDto: {
            /** @example 2026 */
            year: number;
            requirements: components["schemas"]["RequirementStatusDto"][];
            /** @description Every yearly requirement complete */
            complete: boolean;
        };
        CertificateSummaryDto: {
            /** Format: uuid */
            id: string;
            /** @example GS-CQO-2026-000123-K7 */
            serial: string;
            /** @enum {string} */
            kind: "course_completion" | "appointment_training" | "yearly_continuing";
            /** @example 首席质量官任职培训合格证书 */
            title: string;
            /** @enum {string} */
            status: "valid" | "revoked" | "superseded";
            year: number;
            hours: string[];
            /** Format: date-time */
            issuedAt: string;
            /** Format: date-time */
            revokedAt: string | null;
            revocationReason: string | null;
        };
        FlagDto: {
            /** Format: uuid */
            id: string;
            /** Format: uuid */
            traineeId: string;
            reason: string;
            /** @example 2026-06-01 */
            flaggedOn: string;
            /** Format: uuid */
            flaggedBy: string | null;
            flaggedByName: string | null;
            open: boolean;
            /** Format: date-time */
            clearedAt: string | null;
            /** Format: uuid */
            clearedBy: string | null;
            clearReason: string | null;
            /** Format: date-time */
            createdAt: string;
        };
        CqoStatusDto: {
            /** Format: uuid */
            traineeId: string;
            fullName: string;
            /**
             * @description Never the whole number
             * @example 620102********1234
             */
            idNumberMasked: string;
            /** Format: uuid */
            enterpriseId: string | null;
            enterpriseName: string | null;
            serving: boolean;
            currentAppointment: components["schemas"]["AppointmentDto"] | null;
            /** @description Every appointment, newest first (history) */
            appointments: components["schemas"]["AppointmentDto"][];
            appointmentTraining: components["schemas"]["AppointmentTrainingDto"];
            /** @description This year and last year */
            years: components["schemas"]["YearStatusDto"][];
            certificates: components["schemas"]["CertificateSummaryDto"][];
            flags: components["schemas"]["FlagDto"][];
            openFlags: number;
            declarations: components["schemas"]["DeclarationDto"][];
            /** @description An appointment was made by exception */
            exceptionFlagged: boolean;
        };
        LookupResultDto: {
            matches: components["schemas"]["CqoStatusDto"][];
        };
        FlagCreateDto: {
            /** @example 群众举报其在质量岗位工作中存在重大失误，正在核查 */
            reason: string;
            /**
             * @description Default: today (CST)
             * @example 2026-06-01
             */
            flaggedOn?: string;
            /**
             * @description The 不得担任 circumstance the flag records: while open it blocks appointments and the CQO does not count toward targets
             * @enum {string|null}
             */
            disqualifyingCircumstance?: "serious_quality_violation" | "improper_gain" | "abuse_of_office" | "leaked_secrets" | "other_harm" | null;
        };
        FlagClearDto: {
            /** @example 经核查，举报不实 */
            reason: string;
        };
        AccessLogEntryDto: {
            /** Format: uuid */
            id: string;
            /** Format: date-time */
            at: string;
            /** Format: uuid */
            actorId: string | null;
            actorName: string | null;
            /** @example regulator */
            actorRole: string;
            /**
             * Format: uuid
             * @description Null when nothing was found
             */
            subjectId: string | null;
            subjectName: string | null;
            /**
             * @description The kind of key; the key itself is never recorded
             * @enum {string}
             */
            keyKind: "id_number" | "name_enterprise" | "certificate_serial" | "trainee_id";
            resultCount: number;
            requestId: string | null;
        };
        AccessLogPageDto: {
            items: components["schemas"]["AccessLogEntryDto"][];
            total: number;
            page: number;
            pageSize: number;
        };
        TargetCountDto: {
            /**
             * @description The date (CST) of these figures
             * @example 2021-12-31
             */
            date: string;
            /** @description Enterprises of the group on the official lists on the date */
            enterprises: number;
            /** @description With a CQO serving on the date, eligible (no exception) and not disqualified */
            appointed: number;
            /** @description With a serving CQO that does not count (exception, or disqualifying flag) */
            exceptionAppointments: number;
            /** @description Without a serving CQO but with one registered to start later */
            futureDated: number;
            /**
             * @description appointed / enterprises (4 decimals); null for an empty group
             * @example 0.8125
             */
            rate: number | null;
            /**
             * @description An empty group is 无目标企业: never met, never 0%
             * @enum {string}
             */
            verdict: "met" | "not_met" | "no_target_enterprises";
        };
        TargetFiguresDto: {
            /**
             * @description The date (CST) of these figures
             * @example 2021-12-31
             */
            date: string;
            /** @description Enterprises of the group on the official lists on the date */
            enterprises: number;
            /** @description With a CQO serving on the date, eligible (no exception) and not disqualified */
            appointed: number;
            /** @description With a serving CQO that does not count (exception, or disqualifying flag) */
            exceptionAppointments: number;
            /** @description Without a serving CQO but with one registered to start later */
            futureDated: number;
            /**
             * @description appointed / enterprises (4 decimals); null for an empty group
             * @example 0.8125
             */
            rate: number | null;
            /**
             * @description An empty group is 无目标企业: never met, never 0%
             * @enum {string}
             */
            verdict: "met" | "not_met" | "no_target_enterprises";
            /** @example award_holders_2021 */
            code: string;
            name: string;
            /** @example 2025-12-31 */
            deadline: string;
            /** @example 1 */
            targetRate: number;
            /** @description verdict === 'met' */
            met: boolean;
            /** @description The figures on the deadline; null while it is ahead */
            atDeadline: components["schemas"]["TargetCountDto"] | null;
        };
        StateCountsDto: {
            on_track: number;
            at_risk: number;
            complete: number;
            shortfall: number;
            not_applicable: number;
            /** @description No status computed yet */
            missing: number;
        };
        RequirementStateCountsDto: {
            requirement: string;
            ruleName: string;
            counts: components["schemas"]["StateCountsDto"];
        };
        ComplianceFiguresDto: {
            year: number;
            /** @description CQOs serving in the year (a term overlapping it) */
            servingCqos: number;
            /** @description Of those, how many met every yearly requirement */
            complete: number;
            rate: number | null;
            byRequirement: components["schemas"]["RequirementStateCountsDto"][];
        };
        RegionFiguresDto: {
            /** Format: uuid */
            regionId: string;
            regionName: string;
            /** @example 620000/620100 */
            regionPath: string;
            enterprises: number;
            /** @description Enterprises with a serving CQO now */
            enterprisesWithCqo: number;
            appointmentRate: number | null;
            targets: components["schemas"]["TargetFiguresDto"][];
            servingCqos: number;
            /** @description Enterprises whose serving CQO does not count (exception or disqualified) */
            exceptionAppointments: number;
            /** @description Enterprises with only a future-dated appointment */
            futureDatedAppointments: number;
            openFlags: number;
            /** @description The year asked and the one before */
            compliance: components["schemas"]["ComplianceFiguresDto"][];
        };
        RegionDashboardDto: {
            year: number;
            /**
             * @description The date of the target figures
             * @example 2026-05-01
             */
            asOf: string;
            /** @example 2026-05-01 */
            today: string;
            /**
             * Format: date-time
             * @description When the compliance figures were computed (refreshed every five minutes; open flags are live)
             */
            figuresAsOf: string | null;
            totals: components["schemas"]["RegionFiguresDto"];
            /** @description The regions directly below (the cities, for the province) */
            children: components["schemas"]["RegionFiguresDto"][];
        };
        EnterpriseRowDto: {
            /** Format: uuid */
            enterpriseId: string;
            name: string;
            creditCode: string;
            regionName: string;
            targetGroups: string[];
            /** Format: uuid */
            cqoTraineeId: string | null;
            cqoName: string | null;
            appointedOn: string | null;
            termEndsOn: string | null;
            exceptionFlagged: boolean;
            /**
             * @description complete, or the worst state of the year; null without a CQO
             * @enum {string|null}
             */
            yearState: "not_applicable" | "on_track" | "at_risk" | "complete" | "shortfall" | "missing" | null;
            /** @example 4.5 */
            shortfallHours: string | null;
        };
        EnterpriseRowPageDto: {
            items: components["schemas"]["EnterpriseRowDto"][];
            total: number;
            page: number;
            pageSize: number;
        };
        CurrentCqoDto: {
            /** Format: uuid */
            traineeId: string;
            fullName: string;
            years: components["schemas"]["YearStatusDto"][];
            openFlags: number;
        };
        EnterpriseDrillDownDto: {
            /** Format: uuid */
            enterpriseId: string;
            name: string;
            creditCode: string;
            /** Format: uuid */
            regionId: string;
            regionName: string;
            targetGroups: string[];
            appointments: components["schemas"]["AppointmentDto"][];
            currentCqo: components["schemas"]["CurrentCqoDto"] | null;
        };
        ShortfallRowDto: {
            /** Format: uuid */
            traineeId: string;
            fullName: string;
            /** @example 620102********1234 */
            idNumberMasked: string;
            /** Format: uuid */
            enterpriseId: string;
            enterpriseName: string;
            regionName: string;
            year: number;
            /**
             * @description 在任 / 拟任 (a registered term not yet started) / 已离任, as of today
             * @enum {string}
             */
            appointmentState: "serving" | "nominated" | "ended";
            requirement: string;
            ruleName: string;
            required: string;
            accrued: string;
            shortfall: string;
            /** @enum {string} */
            state: "at_risk" | "shortfall";
            final: boolean;
        };
        ShortfallPageDto: {
            items: components["schemas"]["ShortfallRowDto"][];
            total: number;
            page: number;
            pageSize: number;
        };
        CityReportRequestDto: {
            /**
             * Format: uuid
             * @description A city (市州)
             */
            regionId: string;
            /** @example 2025 */
            year: number;
        };
        CityReportDto: {
            /** Format: uuid */
            id: string;
            /** Format: uuid */
            regionId: string;
            regionName: string;
            year: number;
            /** @enum {string} */
            status: "pending" | "ready" | "failed";
            /** @description Bumped on each request */
            generation: number;
            /** Format: date-time */
            requestedAt: string;
            /** Format: date-time */
            generatedAt: string | null;
            /** @description The summary figures, label → value */
            summary: Record<string, never> | null;
            pdfSha256: string | null;
            xlsxSha256: string | null;
            error: string | null;
        };
        CityReportPageDto: {
            items: components["schemas"]["CityReportDto"][];
            total: number;
            page: number;
            pageSize: number;
        };
        CityReportSubmitDto: {
            /**
             * @description 推行情况, the city’s narrative, printed in the report
             * @example 2026年我市推行首席质量官制度情况：……
             */
            narrative: string;
        };
        CityReportReturnDto: {
            /** @example 名单中缺少2家获奖企业，请核实后重新报送 */
            reason: string;
        };
        CorrectIdNumberDto: {
            /** @example 11010519491231002X */
            idNumber: string;
        };
        ClaimEvidenceDto: {
            /** @example 结业证书.pdf */
            fileName: string;
            /** @description The file, base64: PDF, JPG or PNG (by its bytes), at most 3 MB before encoding */
            contentBase64: string;
        };
        ExternalClaimCreateDto: {
            /** @example 中国质量协会 */
            organiser: string;
            /** @example 全国六西格玛管理推进工作会议 */
            title: string;
            /**
             * @description First day (CST), not before the employer link was confirmed
             * @example 2026-04-20
             */
            startedOn: string;
            /**
             * @description Last day (CST): its year is the year the hours count in; not in the future
             * @example 2026-04-21
             */
            endedOn: string;
            /** @enum {number} */
            category: 1 | 2;
            /**
             * @description Category-2 hours are always continuing
             * @enum {string}
             */
            kind: "appointment" | "continuing";
            /**
             * @description Positive exact decimal as text; within the yearly limit of the rule set
             * @example 8
             */
            hours: string;
            /**
             * @description Topic codes of the claim's category
             * @example [
             *       "six-sigma"
             *     ]
             */
            topicCodes: string[];
            /** @description 1 to 3 files */
            evidence: components["schemas"]["ClaimEvidenceDto"][];
        };
        ClaimRejectDto: {
            /** @example 证明材料与培训名称不符 */
            reason: string;
        };
        ClaimApproveDto: {
            /**
             * @description Hours approved (≤ claimed); omitted = as claimed
             * @example 6
             */
            approvedHours?: string;
            /**
             * @description Required when fewer hours are approved
             * @example 会议日程显示第二天为参观，不计学时
             */
            reductionReason?: string;
        };
        CollisionPartyDto: {
            userId: string;
            fullName: string;
            enterpriseName: string | null;
        };
        CollisionHolderDto: {
            userId: string;
            fullName: string;
            enterpriseName: string | null;
            /** @description Hours, appointments or certificates refer to this account */
            hasRecords: boolean;
        };
        IdNumberCollisionDto: {
            id: string;
            /** Format: date-time */
            createdAt: string;
            /** @example 110105********002X */
            idNumberMasked: string;
            claimant: components["schemas"]["CollisionPartyDto"];
            holder: components["schemas"]["CollisionHolderDto"];
        };
        ResolveCollisionDto: {
            /**
             * @description claimant_confirmed: the newcomer is the person (the earlier account loses the number and is disabled); claim_rejected: they are not
             * @enum {string}
             */
            decision: "claimant_confirmed" | "claim_rejected";
        };
    };
    responses: never;
    parameters: never;
    requestBodies: never;
    headers: never;
    pathItems: never;
};
export type $defs = Record<string, never>;
export interface operations {
    HealthController_check: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The Health Check is successful */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /**
                         * @example ok
                         * @enum {string}
                         */
                        status?: "ok" | "degraded";
                        /**
                         * @example {
                         *       "database": {
                         *         "status": "up",
                         *         "responseTime": 12
                         *       }
                         *     }
                         */
                        info?: {
                            [key: string]: {
                                /** @enum {string} */
                                status: "up" | "degraded" | "down";
                                /** @description Time the health indicator took to respond, in ms */
                                responseTime?: number;
                            } & {
                                [key: string]: unknown;
                            };
                        } | null;
                        /** @example {} */
                        error?: {
                            [key: string]: {
                                /** @enum {string} */
                                status: "up" | "degraded" | "down";
                                /** @description Time the health indicator took to respond, in ms */
                                responseTime?: number;
                            } & {
                                [key: string]: unknown;
                            };
                        } | null;
                        /**
                         * @example {
                         *       "database": {
                         *         "status": "up",
                         *         "responseTime": 12
                         *       }
                         *     }
                         */
                        details?: {
                            [key: string]: {
                                /** @enum {string} */
                                status: "up" | "degraded" | "down";
                                /** @description Time the health indicator took to respond, in ms */
                                responseTime?: number;
                            } & {
                                [key: string]: unknown;
                            };
                        };
                    };
                };
            };
            /** @description The Health Check is not successful */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /**
                         * @example error
                         * @enum {string}
                         */
                        status?: "error" | "shutting_down";
                        /**
                         * @example {
                         *       "database": {
                         *         "status": "up",
                         *         "responseTime": 12
                         *       }
                         *     }
                         */
                        info?: {
                            [key: string]: {
                                /** @enum {string} */
                                status: "up" | "degraded" | "down";
                                /** @description Time the health indicator took to respond, in ms */
                                responseTime?: number;
                            } & {
                                [key: string]: unknown;
                            };
                        } | null;
                        /**
                         * @example {
                         *       "redis": {
                         *         "status": "down",
                         *         "message": "Could not connect",
                         *         "responseTime": 3005
                         *       }
                         *     }
                         */
                        error?: {
                            [key: string]: {
                                /** @enum {string} */
                                status: "up" | "degraded" | "down";
                                /** @description Time the health indicator took to respond, in ms */
                                responseTime?: number;
                            } & {
                                [key: string]: unknown;
                            };
                        } | null;
                        /**
                         * @example {
                         *       "database": {
                         *         "status": "up",
                         *         "responseTime": 12
                         *       },
                         *       "redis": {
                         *         "status": "down",
                         *         "message": "Could not connect",
                         *         "responseTime": 3005
                         *       }
                         *     }
                         */
                        details?: {
                            [key: string]: {
                                /** @enum {string} */
                                status: "up" | "degraded" | "down";
                                /** @description Time the health indicator took to respond, in ms */
                                responseTime?: number;
                            } & {
                                [key: string]: unknown;
                            };
                        };
                    };
                };
            };
        };
    };
    AuthController_login: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["LoginDto"];
            };
        };
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["AccessTokenDto"];
                };
            };
        };
    };
    AuthController_refresh: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["RefreshDto"];
            };
        };
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["AccessTokenDto"];
                };
            };
        };
    };
    AuthController_logout: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["RefreshDto"];
            };
        };
        responses: {
            /** @description 未登录或登录已失效 */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description 角色或范围不允许 */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    AuthController_changePassword: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["ChangePasswordDto"];
            };
        };
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["AccessTokenDto"];
                };
            };
            /** @description 未登录或登录已失效 */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description 角色或范围不允许 */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    AuthController_enrolTotp: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["TotpEnrolmentDto"];
                };
            };
            /** @description 未登录或登录已失效 */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description 角色或范围不允许 */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    AuthController_confirmTotp: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["TotpCodeDto"];
            };
        };
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["AccessTokenDto"];
                };
            };
            /** @description 未登录或登录已失效 */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description 角色或范围不允许 */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    AuthController_disableTotp: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["TotpCodeDto"];
            };
        };
        responses: {
            /** @description 未登录或登录已失效 */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description 角色或范围不允许 */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    AuthController_register: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["RegisterDto"];
            };
        };
        responses: {
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    AuthController_me: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["MeDto"];
                };
            };
            /** @description 未登录或登录已失效 */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description 角色或范围不允许 */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    AccountRecoveryController_forgot: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["ForgotPasswordDto"];
            };
        };
        responses: {
            202: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ForgotPasswordAnswerDto"];
                };
            };
        };
    };
    AccountRecoveryController_reset: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["ResetPasswordDto"];
            };
        };
        responses: {
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    AccountRecoveryController_verify: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["EmailTokenDto"];
            };
        };
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["EmailVerifiedDto"];
                };
            };
        };
    };
    MailController_get: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["NotificationSettingsDto"];
                };
            };
            /** @description 未登录或登录已失效 */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description 角色或范围不允许 */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    MailController_update: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["UpdateNotificationSettingsDto"];
            };
        };
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["NotificationSettingsDto"];
                };
            };
            /** @description 未登录或登录已失效 */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description 角色或范围不允许 */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    MailController_resendVerification: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description 未登录或登录已失效 */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description 角色或范围不允许 */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    MailController_unsubscribe: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["UnsubscribeDto"];
            };
        };
        responses: {
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    MailController_deadLetters: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["DeadLetterDto"][];
                };
            };
            /** @description 未登录或登录已失效 */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description 角色或范围不允许 */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    MailController_removeDeadLetter: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                address: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description 未登录或登录已失效 */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description 角色或范围不允许 */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    MailController_caught: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["CaughtMailSummaryDto"][];
                };
            };
            /** @description 未登录或登录已失效 */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description 角色或范围不允许 */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    MailController_caughtMessage: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["CaughtMailDto"];
                };
            };
            /** @description 未登录或登录已失效 */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description 角色或范围不允许 */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    UsersController_list: {
        parameters: {
            query?: {
                page?: number;
                pageSize?: number;
                role?: "trainee" | "org_admin" | "enterprise_admin" | "regulator" | "platform_admin";
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description 未登录或登录已失效 */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description 角色或范围不允许 */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    UsersController_create: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["CreateUserDto"];
            };
        };
        responses: {
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description 未登录或登录已失效 */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description 角色或范围不允许 */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    UsersController_get: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description 未登录或登录已失效 */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description 角色或范围不允许 */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    UsersController_setStatus: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["SetUserStatusDto"];
            };
        };
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description 未登录或登录已失效 */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description 角色或范围不允许 */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    UsersController_changeRole: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["ChangeUserRoleDto"];
            };
        };
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description 未登录或登录已失效 */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description 角色或范围不允许 */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    RegionsController_tree: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    OrganizationsController_list: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description 未登录或登录已失效 */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description 角色或范围不允许 */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    OrganizationsController_create: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["CreateTrainingOrganizationDto"];
            };
        };
        responses: {
            /** @description 未登录或登录已失效 */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description 角色或范围不允许 */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    OrganizationsController_get: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description 未登录或登录已失效 */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description 角色或范围不允许 */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    EnterpriseSearchController_search: {
        parameters: {
            query: {
                /** @description Part of the name (2 characters or more) or the start of the credit code */
                q: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["EnterpriseSearchHitDto"][];
                };
            };
            /** @description 查询过于频繁 */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    EnterprisesController_list: {
        parameters: {
            query?: {
                page?: number;
                pageSize?: number;
                regionId?: string;
                /** @description Part of the name */
                q?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description 未登录或登录已失效 */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description 角色或范围不允许 */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    EnterprisesController_create: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["CreateEnterpriseDto"];
            };
        };
        responses: {
            /** @description 未登录或登录已失效 */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description 角色或范围不允许 */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    EnterprisesController_get: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description 未登录或登录已失效 */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description 角色或范围不允许 */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    EnterprisesController_update: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["UpdateEnterpriseDto"];
            };
        };
        responses: {
            /** @description 未登录或登录已失效 */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description 角色或范围不允许 */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    EnterpriseStaffController_nominate: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["NominationDto"];
            };
        };
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["NominationReportDto"];
                };
            };
            /** @description 未登录或登录已失效 */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description 角色或范围不允许 */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    EnterpriseStaffController_staff: {
        parameters: {
            query?: {
                page?: number;
                pageSize?: number;
            };
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description 未登录或登录已失效 */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description 角色或范围不允许 */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    EnterpriseStaffController_progress: {
        parameters: {
            query?: {
                page?: number;
                pageSize?: number;
                /** @description Calendar year of the hour requirements (CST); default the current one */
                year?: number;
            };
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description 未登录或登录已失效 */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description 角色或范围不允许 */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    EnterpriseHistoryController_history: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description 未登录或登录已失效 */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description 角色或范围不允许 */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    EnterpriseCorrectionsController_list: {
        parameters: {
            query?: {
                page?: number;
                pageSize?: number;
                status?: "pending" | "approved" | "rejected";
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description 未登录或登录已失效 */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description 角色或范围不允许 */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    EnterpriseCorrectionsController_request: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["CorrectionCreateDto"];
            };
        };
        responses: {
            /** @description 未登录或登录已失效 */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description 角色或范围不允许 */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    EnterpriseCorrectionsController_decide: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["CorrectionDecisionDto"];
            };
        };
        responses: {
            /** @description 未登录或登录已失效 */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description 角色或范围不允许 */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    EnterpriseImportsController_list: {
        parameters: {
            query?: {
                page?: number;
                pageSize?: number;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description 未登录或登录已失效 */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description 角色或范围不允许 */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    EnterpriseImportsController_preview: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["EnterpriseImportCreateDto"];
            };
        };
        responses: {
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description 未登录或登录已失效 */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description 角色或范围不允许 */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    EnterpriseImportsController_get: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description 未登录或登录已失效 */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description 角色或范围不允许 */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    EnterpriseImportsController_errors: {
        parameters: {
            query?: {
                page?: number;
                pageSize?: number;
            };
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description 未登录或登录已失效 */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description 角色或范围不允许 */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    EnterpriseImportsController_apply: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description 未登录或登录已失效 */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description 角色或范围不允许 */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    EnterpriseImportsController_discard: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description 未登录或登录已失效 */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description 角色或范围不允许 */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    TraineeFactsController_mine: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description 未登录或登录已失效 */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description 角色或范围不允许 */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    TraineeFactsController_declare: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                fact: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["EvidenceUploadDto"];
            };
        };
        responses: {
            /** @description 未登录或登录已失效 */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description 角色或范围不允许 */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    TraineeFactsController_ofTrainee: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                traineeId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description 未登录或登录已失效 */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description 角色或范围不允许 */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    TraineeFactsController_confirm: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description 未登录或登录已失效 */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description 角色或范围不允许 */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    TraineeFactsController_verify: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description 未登录或登录已失效 */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description 角色或范围不允许 */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    TraineeFactsController_file: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description 未登录或登录已失效 */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description 角色或范围不允许 */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    BackdateApprovalsController_approve: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["BackdateApprovalCreateDto"];
            };
        };
        responses: {
            /** @description 未登录或登录已失效 */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description 角色或范围不允许 */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    TraineesController_getOwn: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description 未登录或登录已失效 */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description 角色或范围不允许 */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    TraineesController_updateOwn: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["UpdateProfileDto"];
            };
        };
        responses: {
            /** @description 未登录或登录已失效 */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description 角色或范围不允许 */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    TraineesController_get: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                userId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description 未登录或登录已失效 */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description 角色或范围不允许 */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    NotificationsController_list: {
        parameters: {
            query?: {
                page?: number;
                pageSize?: number;
                unreadOnly?: boolean;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description 未登录或登录已失效 */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description 角色或范围不允许 */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    NotificationsController_markRead: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description 未登录或登录已失效 */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description 角色或范围不允许 */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    CreditHoursController_ownSummary: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description 未登录或登录已失效 */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description 角色或范围不允许 */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    CreditHoursController_ownEntries: {
        parameters: {
            query?: {
                page?: number;
                pageSize?: number;
                year?: number;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description 未登录或登录已失效 */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description 角色或范围不允许 */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    CreditHoursController_summary: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                userId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description 未登录或登录已失效 */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description 角色或范围不允许 */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    CreditHoursController_entries: {
        parameters: {
            query?: {
                page?: number;
                pageSize?: number;
                year?: number;
            };
            header?: never;
            path: {
                userId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description 未登录或登录已失效 */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description 角色或范围不允许 */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    CreditHoursController_adjust: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["AdjustmentDto"];
            };
        };
        responses: {
            /** @description 未登录或登录已失效 */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description 角色或范围不允许 */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    CreditHoursController_reverse: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["ReversalDto"];
            };
        };
        responses: {
            /** @description 未登录或登录已失效 */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description 角色或范围不允许 */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    CreditHoursController_auditLog: {
        parameters: {
            query?: {
                page?: number;
                pageSize?: number;
                traineeId?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description 未登录或登录已失效 */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description 角色或范围不允许 */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    HoursOutlookController_own: {
        parameters: {
            query?: {
                /** @description Calendar year in China Standard Time */
                year?: number;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description 未登录或登录已失效 */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description 角色或范围不允许 */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    ComplianceController_own: {
        parameters: {
            query?: {
                /** @description Calendar year in China Standard Time */
                year?: number;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description 未登录或登录已失效 */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description 角色或范围不允许 */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    ComplianceController_trainee: {
        parameters: {
            query?: {
                /** @description Calendar year in China Standard Time */
                year?: number;
            };
            header?: never;
            path: {
                userId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description 未登录或登录已失效 */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description 角色或范围不允许 */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    ComplianceController_enterprise: {
        parameters: {
            query?: {
                page?: number;
                pageSize?: number;
                /** @description Defaults to the open year */
                year?: number;
                /** @description Requirement code */
                requirement?: string;
                state?: "not_applicable" | "on_track" | "at_risk" | "complete" | "shortfall";
            };
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description 未登录或登录已失效 */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description 角色或范围不允许 */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    ComplianceController_list: {
        parameters: {
            query?: {
                page?: number;
                pageSize?: number;
                /** @description Defaults to the open year */
                year?: number;
                /** @description Requirement code */
                requirement?: string;
                state?: "not_applicable" | "on_track" | "at_risk" | "complete" | "shortfall";
                /** @description Trainees of enterprises in this region or below */
                regionId?: string;
                enterpriseId?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description 未登录或登录已失效 */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description 角色或范围不允许 */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    ComplianceController_ruleSetList: {
        parameters: {
            query?: {
                regionId?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description 未登录或登录已失效 */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description 角色或范围不允许 */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    ComplianceController_publish: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["RuleSetDto"];
            };
        };
        responses: {
            /** @description 未登录或登录已失效 */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description 角色或范围不允许 */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    ComplianceController_ruleSet: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description 未登录或登录已失效 */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description 角色或范围不允许 */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    CoursesController_topics: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description 未登录或登录已失效 */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description 角色或范围不允许 */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    CoursesController_search: {
        parameters: {
            query?: {
                page?: number;
                pageSize?: number;
                category?: 1 | 2;
                topic?: string;
                kind?: "appointment" | "continuing";
                deliveryMode?: "online" | "in_person" | "blended";
                organizationId?: string;
                /** @description Only courses taking enrolments now */
                openOnly?: boolean;
                /** @description Text in the title or description (Chinese works) */
                q?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description 未登录或登录已失效 */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description 角色或范围不允许 */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    CoursesController_list: {
        parameters: {
            query?: {
                page?: number;
                pageSize?: number;
                /** @description e.g. submitted: the review queue */
                status?: "draft" | "submitted" | "returned" | "approved" | "published" | "archived";
                organizationId?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description 未登录或登录已失效 */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description 角色或范围不允许 */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    CoursesController_create: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["CourseContentDto"];
            };
        };
        responses: {
            /** @description 未登录或登录已失效 */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description 角色或范围不允许 */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    CoursesController_versions: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                courseId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description 未登录或登录已失效 */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description 角色或范围不允许 */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    CoursesController_newVersion: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                courseId: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["UpdateCourseDto"];
            };
        };
        responses: {
            /** @description 未登录或登录已失效 */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description 角色或范围不允许 */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    CoursesController_get: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                versionId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description 未登录或登录已失效 */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description 角色或范围不允许 */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    CoursesController_update: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                versionId: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["UpdateCourseDto"];
            };
        };
        responses: {
            /** @description 未登录或登录已失效 */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description 角色或范围不允许 */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    CoursesController_submit: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                versionId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description 未登录或登录已失效 */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description 角色或范围不允许 */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    CoursesController_approve: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                versionId: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["ApproveDto"];
            };
        };
        responses: {
            /** @description 未登录或登录已失效 */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description 角色或范围不允许 */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    CoursesController_sendBack: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                versionId: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["SendBackDto"];
            };
        };
        responses: {
            /** @description 未登录或登录已失效 */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description 角色或范围不允许 */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    CoursesController_publish: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                versionId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description 未登录或登录已失效 */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description 角色或范围不允许 */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    CoursesController_archive: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                versionId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description 未登录或登录已失效 */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description 角色或范围不允许 */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    EnrollmentsController_listOwn: {
        parameters: {
            query?: {
                page?: number;
                pageSize?: number;
                status?: "enrolled" | "withdrawn" | "completed";
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description 未登录或登录已失效 */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description 角色或范围不允许 */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    EnrollmentsController_enroll: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["EnrollDto"];
            };
        };
        responses: {
            /** @description 未登录或登录已失效 */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description 角色或范围不允许 */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    EnrollmentsController_withdraw: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                enrollmentId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description 未登录或登录已失效 */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description 角色或范围不允许 */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    EnrollmentsController_get: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                enrollmentId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description 未登录或登录已失效 */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description 角色或范围不允许 */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    EnrollmentsController_roster: {
        parameters: {
            query?: {
                page?: number;
                pageSize?: number;
                status?: "enrolled" | "withdrawn" | "completed";
            };
            header?: never;
            path: {
                versionId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description 未登录或登录已失效 */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description 角色或范围不允许 */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    EnrollmentsController_importRoster: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                versionId: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["CsvUploadDto"];
            };
        };
        responses: {
            /** @description 未登录或登录已失效 */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description 角色或范围不允许 */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    ProgressController_start: {
        parameters: {
            query?: never;
            header: {
                "user-agent": string;
            };
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["StartStudyDto"];
            };
        };
        responses: {
            /** @description 未登录或登录已失效 */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description 角色或范围不允许 */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    ProgressController_heartbeat: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                sessionId: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["HeartbeatDto"];
            };
        };
        responses: {
            /** @description 未登录或登录已失效 */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description 角色或范围不允许 */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    ProgressController_end: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                sessionId: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["HeartbeatDto"];
            };
        };
        responses: {
            /** @description 未登录或登录已失效 */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description 角色或范围不允许 */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    ProgressController_answer: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                sessionId: string;
                checkId: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["AttentionAnswerDto"];
            };
        };
        responses: {
            /** @description 未登录或登录已失效 */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description 角色或范围不允许 */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    ProgressController_lessonEvidence: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                enrollmentId: string;
                lessonId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description 未登录或登录已失效 */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description 角色或范围不允许 */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    ProgressController_record: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                lessonId: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["AttendanceDto"];
            };
        };
        responses: {
            /** @description 未登录或登录已失效 */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description 角色或范围不允许 */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    ProgressController_importSheet: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                lessonId: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["CsvUploadDto"];
            };
        };
        responses: {
            /** @description 未登录或登录已失效 */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description 角色或范围不允许 */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    ContentUploadsController_create: {
        parameters: {
            query?: never;
            header: {
                /** @description tus metadata: filename, lessonId (or kind: video | document) */
                "Upload-Metadata": string;
                "Upload-Length": string;
            };
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description 未登录或登录已失效 */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description 角色或范围不允许 */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    ContentUploadsController_abandon: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                uploadId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description 未登录或登录已失效 */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description 角色或范围不允许 */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    ContentUploadsController_offset: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                uploadId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description 未登录或登录已失效 */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description 角色或范围不允许 */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    ContentUploadsController_append: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                uploadId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description 未登录或登录已失效 */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description 角色或范围不允许 */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    MediaController_url: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                fileId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description 未登录或登录已失效 */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description 角色或范围不允许 */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    MediaController_media: {
        parameters: {
            query: {
                /** @description HMAC-SHA256 signature, base64url */
                s: unknown;
                /** @description expiry, Unix seconds */
                e: number;
                /** @description the user the URL was issued to */
                u: unknown;
            };
            header?: never;
            path: {
                fileId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The file, or 206 with the requested range */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    XapiController_getStatement: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    XapiController_putStatement: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** @description An xAPI statement */
        requestBody: {
            content: {
                "application/json": Record<string, never>;
            };
        };
        responses: {
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    XapiController_statements: {
        parameters: {
            query?: never;
            header?: {
                /** @description 1.0.x；使用 Basic 认证时必填 */
                "X-Experience-API-Version"?: string;
                "X-API-Key"?: string;
                /** @description Basic：密钥 ID 与密钥 */
                Authorization?: string;
            };
            path?: never;
            cookie?: never;
        };
        /** @description An xAPI statement or an array of them */
        requestBody: {
            content: {
                "application/json": Record<string, never>;
            };
        };
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    XapiController_about: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    XapiController_getState: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    XapiController_putState: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    XapiController_postState: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    XapiController_deleteState: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    XapiController_getActivityProfile: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    XapiController_putActivityProfile: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    XapiController_postActivityProfile: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    XapiController_deleteActivityProfile: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    XapiController_getAgentProfile: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    XapiController_putAgentProfile: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    XapiController_postAgentProfile: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    XapiController_deleteAgentProfile: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    XapiController_confirmedStatements: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** @description An xAPI statement or an array of them */
        requestBody: {
            content: {
                "application/json": Record<string, never>;
            };
        };
        responses: {
            /** @description 未登录或登录已失效 */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description 角色或范围不允许 */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    XapiController_listKeys: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description 未登录或登录已失效 */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description 角色或范围不允许 */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    XapiController_createKey: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["CreateXapiKeyDto"];
            };
        };
        responses: {
            /** @description 未登录或登录已失效 */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description 角色或范围不允许 */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    XapiController_revokeKey: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                keyId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description 未登录或登录已失效 */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description 角色或范围不允许 */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    Cmi5Controller_importPackage: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["ImportPackageDto"];
            };
        };
        responses: {
            /** @description 未登录或登录已失效 */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description 角色或范围不允许 */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    Cmi5Controller_launch: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                enrollmentId: string;
                lessonId: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["Cmi5LaunchDto"];
            };
        };
        responses: {
            /** @description 未登录或登录已失效 */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description 角色或范围不允许 */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    Cmi5Controller_waive: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                enrollmentId: string;
                lessonId: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["Cmi5WaiveDto"];
            };
        };
        responses: {
            /** @description 未登录或登录已失效 */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description 角色或范围不允许 */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    Cmi5Controller_fetch: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                token: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    Cmi5Controller_file: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                packageId: string;
                userId: string;
                expires: string;
                signature: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    ScormController_preview: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                packageId: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["ScormLaunchDto"];
            };
        };
        responses: {
            /** @description 未登录或登录已失效 */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description 角色或范围不允许 */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    ScormController_launch: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                enrollmentId: string;
                lessonId: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["ScormLaunchDto"];
            };
        };
        responses: {
            /** @description 未登录或登录已失效 */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description 角色或范围不允许 */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    ScormController_file: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                sessionId: string;
                token: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    ScormController_commit: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                sessionId: string;
                token: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    /** @enum {unknown} */
                    kind?: "beat" | "commit" | "finish";
                    cmi?: Record<string, never>;
                    sessionTime?: string;
                    visible?: boolean;
                };
            };
        };
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    ScormController_library: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                name: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    QuestionsController_list: {
        parameters: {
            query?: {
                page?: number;
                pageSize?: number;
                type?: "single" | "multiple" | "true_false";
                category?: 1 | 2;
                topic?: string;
                difficulty?: number;
                /** @description Part of the stem */
                q?: string;
                includeArchived?: boolean;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description 未登录或登录已失效 */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description 角色或范围不允许 */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    QuestionsController_create: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["QuestionDto"];
            };
        };
        responses: {
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description 未登录或登录已失效 */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description 角色或范围不允许 */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    QuestionsController_import: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["ImportQuestionsDto"];
            };
        };
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description 未登录或登录已失效 */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description 角色或范围不允许 */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    QuestionsController_importTemplate: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description 未登录或登录已失效 */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description 角色或范围不允许 */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    QuestionsController_get: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description 未登录或登录已失效 */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description 角色或范围不允许 */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    QuestionsController_update: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["QuestionDto"];
            };
        };
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description 未登录或登录已失效 */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description 角色或范围不允许 */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    QuestionsController_versions: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description 未登录或登录已失效 */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description 角色或范围不允许 */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    QuestionsController_archive: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description 未登录或登录已失效 */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description 角色或范围不允许 */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    PapersController_list: {
        parameters: {
            query?: {
                page?: number;
                pageSize?: number;
                status?: "draft" | "published" | "archived";
                kind?: "course_exam" | "capability_test";
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description 未登录或登录已失效 */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description 角色或范围不允许 */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    PapersController_create: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["PaperDto"];
            };
        };
        responses: {
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description 未登录或登录已失效 */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description 角色或范围不允许 */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    PapersController_get: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description 未登录或登录已失效 */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description 角色或范围不允许 */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    PapersController_update: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["PaperDto"];
            };
        };
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description 未登录或登录已失效 */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description 角色或范围不允许 */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    PapersController_publish: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description 未登录或登录已失效 */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description 角色或范围不允许 */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    PapersController_archive: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description 未登录或登录已失效 */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description 角色或范围不允许 */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    PapersController_listResults: {
        parameters: {
            query?: {
                page?: number;
                pageSize?: number;
                status?: "open" | "submitted";
                passed?: boolean;
            };
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description 未登录或登录已失效 */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description 角色或范围不允许 */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    PapersController_exportResults: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description 未登录或登录已失效 */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description 角色或范围不允许 */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    PapersController_itemStatistics: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description 未登录或登录已失效 */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description 角色或范围不允许 */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    MyExamsController_available: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description 未登录或登录已失效 */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description 角色或范围不允许 */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    MyExamsController_paper: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                paperId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description 未登录或登录已失效 */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description 角色或范围不允许 */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    MyExamsController_start: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                paperId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description 未登录或登录已失效 */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description 角色或范围不允许 */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    MyExamsController_list: {
        parameters: {
            query?: {
                page?: number;
                pageSize?: number;
                paperId?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description 未登录或登录已失效 */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description 角色或范围不允许 */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    MyExamsController_get: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                attemptId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description 未登录或登录已失效 */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description 角色或范围不允许 */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    MyExamsController_save: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                attemptId: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["SaveAnswersDto"];
            };
        };
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description 未登录或登录已失效 */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description 角色或范围不允许 */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    MyExamsController_submit: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                attemptId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description 未登录或登录已失效 */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description 角色或范围不允许 */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    MyExamsController_capabilityResults: {
        parameters: {
            query?: {
                page?: number;
                pageSize?: number;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description 未登录或登录已失效 */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description 角色或范围不允许 */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    CapabilityResultsController_list: {
        parameters: {
            query?: {
                page?: number;
                pageSize?: number;
                paperId?: string;
                passed?: boolean;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description 未登录或登录已失效 */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description 角色或范围不允许 */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    CapabilityResultsController_forTrainee: {
        parameters: {
            query?: {
                page?: number;
                pageSize?: number;
            };
            header?: never;
            path: {
                userId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description 未登录或登录已失效 */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description 角色或范围不允许 */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    CertificateVerificationController_page: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                token: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description 核验过于频繁 */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    CertificateVerificationController_form: {
        parameters: {
            query?: {
                serial?: string;
                idLast4?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description 核验过于频繁 */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    CertificateVerificationController_byToken: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                token: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["PublicVerificationDto"];
                };
            };
            /** @description 核验过于频繁 */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    CertificateVerificationController_bySerial: {
        parameters: {
            query: {
                serial: string;
                /** @description Last four characters of the holder’s ID number (the second factor) */
                idLast4: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["PublicVerificationDto"];
                };
            };
            /** @description 核验过于频繁 */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    CertificateVerificationController_byFile: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["VerifyFileDto"];
            };
        };
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["FileVerificationDto"];
                };
            };
            /** @description 核验过于频繁 */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    MyCertificatesController_list: {
        parameters: {
            query?: {
                page?: number;
                pageSize?: number;
                kind?: "course_completion" | "appointment_training" | "yearly_continuing";
                status?: "valid" | "revoked" | "superseded";
                courseId?: string;
                regionId?: string;
                year?: number;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description 未登录或登录已失效 */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description 角色或范围不允许 */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    MyCertificatesController_pdf: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description 未登录或登录已失效 */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description 角色或范围不允许 */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    MyCertificatesController_request: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["CertificateRequestDto"];
            };
        };
        responses: {
            202: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description 未登录或登录已失效 */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description 角色或范围不允许 */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    CertificatesController_list: {
        parameters: {
            query?: {
                page?: number;
                pageSize?: number;
                kind?: "course_completion" | "appointment_training" | "yearly_continuing";
                status?: "valid" | "revoked" | "superseded";
                courseId?: string;
                regionId?: string;
                year?: number;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description 未登录或登录已失效 */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description 角色或范围不允许 */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    CertificatesController_export: {
        parameters: {
            query?: {
                /** @description Export one course; or give regionId and year */
                courseId?: string;
                regionId?: string;
                year?: number;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description 未登录或登录已失效 */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description 角色或范围不允许 */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    CertificatesController_get: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description 未登录或登录已失效 */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description 角色或范围不允许 */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    CertificatesController_history: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description 未登录或登录已失效 */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description 角色或范围不允许 */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    CertificatesController_pdf: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description 未登录或登录已失效 */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description 角色或范围不允许 */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    CertificatesController_revoke: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["CertificateReasonDto"];
            };
        };
        responses: {
            /** @description 未登录或登录已失效 */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description 角色或范围不允许 */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    CertificatesController_reissue: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["CertificateReasonDto"];
            };
        };
        responses: {
            /** @description 未登录或登录已失效 */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description 角色或范围不允许 */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    AppointmentsController_eligibilityRules: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["EligibilityRuleSetDto"][];
                };
            };
            /** @description 未登录或登录已失效 */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description 角色或范围不允许 */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    AppointmentsController_check: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["EligibilityCheckDto"];
            };
        };
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["EligibilityAnswerDto"];
                };
            };
            /** @description 未登录或登录已失效 */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description 角色或范围不允许 */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    AppointmentsController_list: {
        parameters: {
            query?: {
                page?: number;
                pageSize?: number;
                status?: "serving" | "ended";
                enterpriseId?: string;
                /** @description A region inside the regulator’s own */
                regionId?: string;
                /** @description Only appointments made by exception */
                exceptionsOnly?: boolean;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["AppointmentPageDto"];
                };
            };
            /** @description 未登录或登录已失效 */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description 角色或范围不允许 */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    AppointmentsController_appoint: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["AppointmentCreateDto"];
            };
        };
        responses: {
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["AppointmentDto"];
                };
            };
            /** @description 未登录或登录已失效 */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description 角色或范围不允许 */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description CQO_NOT_ELIGIBLE (details name each failing condition), ENTERPRISE_HAS_SERVING_CQO, TRAINEE_ALREADY_SERVING */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    AppointmentsController_get: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["AppointmentDto"];
                };
            };
            /** @description 未登录或登录已失效 */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description 角色或范围不允许 */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    AppointmentsController_end: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["AppointmentEndDto"];
            };
        };
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["AppointmentDto"];
                };
            };
            /** @description 未登录或登录已失效 */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description 角色或范围不允许 */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    AppointmentsController_renew: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["AppointmentRenewDto"];
            };
        };
        responses: {
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["AppointmentDto"];
                };
            };
            /** @description 未登录或登录已失效 */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description 角色或范围不允许 */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    AppointmentsController_declare: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["DeclarationCreateDto"];
            };
        };
        responses: {
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["DeclarationDto"];
                };
            };
            /** @description 未登录或登录已失效 */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description 角色或范围不允许 */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    EnterpriseReportsController_list: {
        parameters: {
            query?: {
                page?: number;
                pageSize?: number;
                year?: number;
                regionId?: string;
                status?: "filed" | "acknowledged";
                /** @description Only reports whose declared cqoInPlace disagrees (true) or agrees (false) with the registry */
                mismatch?: boolean;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["EnterpriseReportPageDto"];
                };
            };
            /** @description 未登录或登录已失效 */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description 角色或范围不允许 */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    EnterpriseReportsController_file: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["EnterpriseReportCreateDto"];
            };
        };
        responses: {
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["EnterpriseReportDto"];
                };
            };
            /** @description 未登录或登录已失效 */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description 角色或范围不允许 */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    EnterpriseReportsController_nonFilers: {
        parameters: {
            query: {
                page?: number;
                pageSize?: number;
                year: number;
                regionId?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description 未登录或登录已失效 */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description 角色或范围不允许 */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    EnterpriseReportsController_remind: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["ReminderDto"];
            };
        };
        responses: {
            /** @description 未登录或登录已失效 */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description 角色或范围不允许 */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    EnterpriseReportsController_get: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["EnterpriseReportDto"];
                };
            };
            /** @description 未登录或登录已失效 */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description 角色或范围不允许 */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    EnterpriseReportsController_download: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description 未登录或登录已失效 */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description 角色或范围不允许 */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    EnterpriseReportsController_acknowledge: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["AcknowledgeDto"];
            };
        };
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["EnterpriseReportDto"];
                };
            };
            /** @description 未登录或登录已失效 */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description 角色或范围不允许 */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    LookupController_lookup: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["LookupDto"];
            };
        };
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["LookupResultDto"];
                };
            };
            /** @description 未登录或登录已失效 */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description 角色或范围不允许 */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description CQO_NOT_FOUND: nobody in the caller’s region matches */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    LookupController_get: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                traineeId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["CqoStatusDto"];
                };
            };
            /** @description 未登录或登录已失效 */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description 角色或范围不允许 */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    LookupController_flag: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                traineeId: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["FlagCreateDto"];
            };
        };
        responses: {
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["FlagDto"];
                };
            };
            /** @description 未登录或登录已失效 */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description 角色或范围不允许 */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    LookupController_clear: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["FlagClearDto"];
            };
        };
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["FlagDto"];
                };
            };
            /** @description 未登录或登录已失效 */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description 角色或范围不允许 */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    AccessLogController_list: {
        parameters: {
            query?: {
                page?: number;
                pageSize?: number;
                actorId?: string;
                subjectId?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["AccessLogPageDto"];
                };
            };
            /** @description 未登录或登录已失效 */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description 角色或范围不允许 */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    DashboardsController_region: {
        parameters: {
            query?: {
                /** @description Default: the current year (CST) */
                year?: number;
                /** @description A region inside the caller’s (a drill-down); default the caller’s region */
                regionId?: string;
                /** @description The date (CST) the target figures are for; default today */
                asOf?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["RegionDashboardDto"];
                };
            };
            /** @description 未登录或登录已失效 */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description 角色或范围不允许 */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    DashboardsController_enterprises: {
        parameters: {
            query?: {
                page?: number;
                pageSize?: number;
                year?: number;
                regionId?: string;
                /** @description Only enterprises of a target group of the notice (a code of the target table) */
                target?: string;
                /** @description With (true) or without (false) a serving CQO */
                appointed?: boolean;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["EnterpriseRowPageDto"];
                };
            };
            /** @description 未登录或登录已失效 */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description 角色或范围不允许 */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    DashboardsController_enterprise: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["EnterpriseDrillDownDto"];
                };
            };
            /** @description 未登录或登录已失效 */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description 角色或范围不允许 */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    DashboardsController_shortfalls: {
        parameters: {
            query?: {
                page?: number;
                pageSize?: number;
                year?: number;
                regionId?: string;
                enterpriseId?: string;
                requirement?: string;
                state?: "at_risk" | "shortfall";
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ShortfallPageDto"];
                };
            };
            /** @description 未登录或登录已失效 */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description 角色或范围不允许 */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    ExportsController_export: {
        parameters: {
            query?: {
                format?: "csv" | "xlsx";
                regionId?: string;
                /** @description shortfalls (default this year), certificates */
                year?: number;
                /** @description shortfalls, appointments */
                enterpriseId?: string;
                /** @description appointments (default serving) */
                status?: "serving" | "ended" | "all";
                /** @description shortfalls */
                requirement?: string;
                /** @description shortfalls */
                state?: "at_risk" | "shortfall";
                /** @description certificates */
                kind?: "course_completion" | "appointment_training" | "yearly_continuing";
            };
            header?: never;
            path: {
                list: "shortfalls" | "appointments" | "certificates";
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description 未登录或登录已失效 */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description 角色或范围不允许 */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    CityReportsController_list: {
        parameters: {
            query?: {
                page?: number;
                pageSize?: number;
                year?: number;
                regionId?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["CityReportPageDto"];
                };
            };
            /** @description 未登录或登录已失效 */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description 角色或范围不允许 */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    CityReportsController_request: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["CityReportRequestDto"];
            };
        };
        responses: {
            202: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["CityReportDto"];
                };
            };
            /** @description 未登录或登录已失效 */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description 角色或范围不允许 */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    CityReportsController_get: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["CityReportDto"];
                };
            };
            /** @description 未登录或登录已失效 */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description 角色或范围不允许 */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    CityReportsController_pdf: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description 未登录或登录已失效 */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description 角色或范围不允许 */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    CityReportsController_xlsx: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description 未登录或登录已失效 */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description 角色或范围不允许 */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    CityReportsController_submit: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["CityReportSubmitDto"];
            };
        };
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["CityReportDto"];
                };
            };
            /** @description 未登录或登录已失效 */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description 角色或范围不允许 */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    CityReportsController_acknowledge: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
                version: number;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["CityReportDto"];
                };
            };
            /** @description 未登录或登录已失效 */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description 角色或范围不允许 */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    CityReportsController_returnVersion: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
                version: number;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["CityReportReturnDto"];
            };
        };
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["CityReportDto"];
                };
            };
            /** @description 未登录或登录已失效 */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description 角色或范围不允许 */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    CityReportsController_versionPdf: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
                version: number;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description 未登录或登录已失效 */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description 角色或范围不允许 */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    CityReportsController_versionXlsx: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
                version: number;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description 未登录或登录已失效 */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description 角色或范围不允许 */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    AuditLogController_list: {
        parameters: {
            query?: {
                page?: number;
                pageSize?: number;
                action?: "login.succeeded" | "login.failed" | "login.locked" | "logout" | "password.changed" | "totp.enabled" | "totp.disabled" | "user.created" | "user.status_changed" | "user.role_changed" | "trainee.id_number_collision" | "trainee.id_number_changed" | "trainee.employer_confirmed" | "trainee.employer_rejected" | "trainee.id_collision_resolved" | "data.export" | "data.lookup";
                actorId?: string;
                subjectId?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description 未登录或登录已失效 */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description 角色或范围不允许 */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    EmployerLinksController_pending: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description 未登录或登录已失效 */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description 角色或范围不允许 */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    EmployerLinksController_confirm: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                userId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description 未登录或登录已失效 */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description 角色或范围不允许 */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    EmployerLinksController_reject: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                userId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description 未登录或登录已失效 */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description 角色或范围不允许 */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    EmployerLinksController_correctIdNumber: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                userId: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["CorrectIdNumberDto"];
            };
        };
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description 未登录或登录已失效 */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description 角色或范围不允许 */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    ExternalClaimsController_mine: {
        parameters: {
            query?: {
                page?: number;
                pageSize?: number;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description 未登录或登录已失效 */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description 角色或范围不允许 */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    ExternalClaimsController_submit: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["ExternalClaimCreateDto"];
            };
        };
        responses: {
            /** @description 未登录或登录已失效 */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description 角色或范围不允许 */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    ExternalClaimsController_list: {
        parameters: {
            query?: {
                page?: number;
                pageSize?: number;
                status?: "submitted" | "endorsed" | "approved" | "rejected";
                traineeId?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description 未登录或登录已失效 */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description 角色或范围不允许 */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    ExternalClaimsController_get: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description 未登录或登录已失效 */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description 角色或范围不允许 */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    ExternalClaimsController_endorse: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description 未登录或登录已失效 */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description 角色或范围不允许 */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    ExternalClaimsController_reject: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["ClaimRejectDto"];
            };
        };
        responses: {
            /** @description 未登录或登录已失效 */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description 角色或范围不允许 */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    ExternalClaimsController_approve: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["ClaimApproveDto"];
            };
        };
        responses: {
            /** @description 未登录或登录已失效 */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description 角色或范围不允许 */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    ExternalClaimsController_evidence: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
                evidenceId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description 未登录或登录已失效 */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description 角色或范围不允许 */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    HoursTranscriptsController_own: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description 未登录或登录已失效 */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description 角色或范围不允许 */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    HoursTranscriptsController_ofTrainee: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                userId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description 未登录或登录已失效 */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description 角色或范围不允许 */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    IdNumberCollisionsController_pending: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["IdNumberCollisionDto"][];
                };
            };
            /** @description 未登录或登录已失效 */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description 角色或范围不允许 */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    IdNumberCollisionsController_resolve: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["ResolveCollisionDto"];
            };
        };
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["IdNumberCollisionDto"];
                };
            };
            /** @description 未登录或登录已失效 */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description 角色或范围不允许 */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
}
