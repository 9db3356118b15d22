package io.aro.rp.api;

/** The error codes of ARM and of ARO that this RP answers with. */
public final class CloudErrorCodes {
    public static final String INVALID_PARAMETER = "InvalidParameter";
    public static final String INVALID_REQUEST_CONTENT = "InvalidRequestContent";
    public static final String INVALID_RESOURCE = "InvalidResource";
    public static final String INVALID_RESOURCE_NAMESPACE = "InvalidResourceNamespace";
    public static final String INVALID_RESOURCE_TYPE = "InvalidResourceType";
    public static final String INVALID_SUBSCRIPTION_ID = "InvalidSubscriptionID";
    public static final String INVALID_SUBSCRIPTION_STATE = "InvalidSubscriptionState";
    public static final String INVALID_LOCATION = "InvalidLocation";
    public static final String INVALID_OPERATION_ID = "InvalidOperationID";
    public static final String INVALID_NETWORK_ADDRESS = "InvalidNetworkAddress";
    public static final String INVALID_CIDR_RANGE = "InvalidCIDRRange";
    public static final String MISMATCHING_RESOURCE_ID = "MismatchingResourceID";
    public static final String MISMATCHING_RESOURCE_NAME = "MismatchingResourceName";
    public static final String MISMATCHING_RESOURCE_TYPE = "MismatchingResourceType";
    public static final String PROPERTY_CHANGE_NOT_ALLOWED = "PropertyChangeNotAllowed";
    public static final String REQUEST_NOT_ALLOWED = "RequestNotAllowed";
    public static final String RESOURCE_GROUP_NOT_FOUND = "ResourceGroupNotFound";
    public static final String RESOURCE_NOT_FOUND = "ResourceNotFound";
    public static final String NOT_FOUND = "NotFound";
    public static final String DUPLICATE_CLIENT_ID = "DuplicateClientID";
    public static final String DUPLICATE_RESOURCE_GROUP = "DuplicateResourceGroup";
    public static final String MISSING_API_VERSION_PARAMETER = "MissingApiVersionParameter";
    public static final String INVALID_API_VERSION_PARAMETER = "InvalidApiVersionParameter";
    public static final String UNSUPPORTED_MEDIA_TYPE = "UnsupportedMediaType";
    public static final String INTERNAL_SERVER_ERROR = "InternalServerError";
    public static final String DEPLOYMENT_FAILED = "DeploymentFailed";
    public static final String RESOURCE_QUOTA_EXCEEDED = "ResourceQuotaExceeded";
    public static final String SKU_NOT_AVAILABLE = "SkuNotAvailable";
    public static final String REQUEST_DISALLOWED_BY_POLICY = "RequestDisallowedByPolicy";
    public static final String INVALID_SERVICE_PRINCIPAL_CREDENTIALS = "InvalidServicePrincipalCredentials";
    public static final String INVALID_SERVICE_PRINCIPAL_PERMISSIONS = "InvalidServicePrincipalPermissions";
    public static final String PLATFORM_WORKLOAD_IDENTITY_MISMATCH = "PlatformWorkloadIdentityMismatch";
    public static final String PLATFORM_WORKLOAD_IDENTITY_ROLE_SET_NOT_FOUND = "PlatformWorkloadIdentityRoleSetNotFound";
    public static final String INVALID_CLUSTER_MSI_PERMISSIONS = "InvalidClusterMSIPermissions";
    public static final String INVALID_WORKLOAD_IDENTITY_PERMISSIONS = "InvalidWorkloadIdentityPermissions";
    public static final String DUPLICATE_CLUSTER_IDENTITY = "DuplicateClusterIdentity";

    private CloudErrorCodes() {
    }
}
