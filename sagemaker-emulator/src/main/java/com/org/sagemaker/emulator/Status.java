package com.org.sagemaker.emulator;

import java.util.Set;

/**
 * The statuses of the botocore service model's DomainStatus, UserProfileStatus and SpaceStatus
 * (Deleting | Failed | InService | Pending | Updating | Update_Failed | Delete_Failed) and
 * AppStatus (Deleted | Deleting | Failed | InService | Pending).
 */
final class Status {

  static final String PENDING = "Pending";
  static final String IN_SERVICE = "InService";
  static final String UPDATING = "Updating";
  static final String DELETING = "Deleting";
  static final String FAILED = "Failed";
  static final String UPDATE_FAILED = "Update_Failed";
  static final String DELETE_FAILED = "Delete_Failed";
  static final String DELETED = "Deleted";

  /**
   * Where an Update call is accepted: InService, and Update_Failed, which "Call the UpdateDomain
   * API after fixing the error mentioned in FailureReason" repairs (developer guide, "Domain
   * entities and statuses", sm-domain.html; the same for user profiles and spaces).
   */
  static final Set<String> UPDATABLE = Set.of(IN_SERVICE, UPDATE_FAILED);

  /**
   * Where a Delete call is accepted: InService, Failed ("Delete the failed Domain and recreate"),
   * Update_Failed, Delete_Failed ("Call the DeleteDomain API again") per sm-domain.html, and
   * Deleting (a repeated delete; not established, accepted as a no-op).
   */
  static final Set<String> DELETABLE =
      Set.of(IN_SERVICE, FAILED, UPDATE_FAILED, DELETE_FAILED, DELETING);

  /**
   * An app that is neither Deleted nor Failed: it blocks an UpdateDomain network change
   * (UpdateDomain member docs) and the deletion of its profile or space.
   */
  static final Set<String> APP_RUNNING = Set.of(IN_SERVICE, PENDING, DELETING);

  private Status() {}
}
