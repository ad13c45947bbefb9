package io.composeoperator.reconcile;

/** Condition and Event reasons (CamelCase, stable: users and tools match on them). */
public final class Reasons {
  public static final String APPLIED = "Applied";
  public static final String PRUNED = "Pruned";
  public static final String INVALID_COMPOSE = "InvalidCompose";
  public static final String FORBIDDEN = "Forbidden";
  public static final String CONFLICT = "Conflict";
  public static final String INVALID_NAME = "InvalidName";
  public static final String IMMUTABLE_FIELD = "ImmutableField";

  /** Objects of a kind whose CRD the cluster lacks (the Gateway API's HTTPRoute) were left out. */
  public static final String MISSING_CRD = "MissingCRD";

  public static final String SERVICES_READY = "ServicesReady";
  public static final String SERVICES_NOT_READY = "ServicesNotReady";
  public static final String WAITING_FOR_SECRET = "WaitingForSecret";
  public static final String IMAGE_PULL_BACK_OFF = "ImagePullBackOff";
  public static final String ERR_IMAGE_PULL = "ErrImagePull";
  public static final String CRASH_LOOP_BACK_OFF = "CrashLoopBackOff";
  public static final String CREATE_CONTAINER_CONFIG_ERROR = "CreateContainerConfigError";
  public static final String VOLUME_NOT_BOUND = "VolumeNotBound";
  public static final String UNSCHEDULABLE = "Unschedulable";
  public static final String POD_CREATE_FAILED = "FailedCreate";
  public static final String JOB_FAILED = "JobFailed";

  /** An unexpected failure (usually talking to the API server); the reconcile is retried. */
  public static final String RECONCILE_ERROR = "ReconcileError";

  private Reasons() {}
}
