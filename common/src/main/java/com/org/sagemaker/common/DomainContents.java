package com.org.sagemaker.common;

import java.util.List;
import java.util.function.UnaryOperator;
import software.amazon.awssdk.services.sagemaker.SageMakerClient;
import software.amazon.awssdk.services.sagemaker.model.AppDetails;
import software.amazon.awssdk.services.sagemaker.model.ListAppsRequest;
import software.amazon.awssdk.services.sagemaker.model.ListAppsResponse;
import software.amazon.awssdk.services.sagemaker.model.ListSpacesRequest;
import software.amazon.awssdk.services.sagemaker.model.ListSpacesResponse;
import software.amazon.awssdk.services.sagemaker.model.ListUserProfilesRequest;
import software.amazon.awssdk.services.sagemaker.model.ListUserProfilesResponse;
import software.amazon.awssdk.services.sagemaker.model.SpaceDetails;
import software.amazon.awssdk.services.sagemaker.model.UserProfileDetails;
import software.amazon.cloudformation.proxy.ProxyClient;

/**
 * What a domain holds (user profiles, spaces, apps), every page of it: the handlers look before an
 * update or delete that SageMaker refuses while the domain holds something in the way.
 */
public final class DomainContents {

  private DomainContents() {}

  public static List<UserProfileDetails> userProfiles(
      final ProxyClient<SageMakerClient> client, final String domainId) {
    return Pages.collect(
        token ->
            client.injectCredentialsAndInvokeV2(
                ListUserProfilesRequest.builder()
                    .domainIdEquals(domainId)
                    .maxResults(Pages.MAX_RESULTS)
                    .nextToken(token)
                    .build(),
                client.client()::listUserProfiles),
        ListUserProfilesResponse::userProfiles,
        ListUserProfilesResponse::nextToken);
  }

  public static List<SpaceDetails> spaces(
      final ProxyClient<SageMakerClient> client, final String domainId) {
    return Pages.collect(
        token ->
            client.injectCredentialsAndInvokeV2(
                ListSpacesRequest.builder()
                    .domainIdEquals(domainId)
                    .maxResults(Pages.MAX_RESULTS)
                    .nextToken(token)
                    .build(),
                client.client()::listSpaces),
        ListSpacesResponse::spaces,
        ListSpacesResponse::nextToken);
  }

  /** The domain's apps, narrowed by {@code filter} (a user profile's, a space's). */
  public static List<AppDetails> apps(
      final ProxyClient<SageMakerClient> client,
      final String domainId,
      final UnaryOperator<ListAppsRequest.Builder> filter) {
    return Pages.collect(
        token ->
            client.injectCredentialsAndInvokeV2(
                filter
                    .apply(ListAppsRequest.builder().domainIdEquals(domainId))
                    .maxResults(Pages.MAX_RESULTS)
                    .nextToken(token)
                    .build(),
                client.client()::listApps),
        ListAppsResponse::apps,
        ListAppsResponse::nextToken);
  }
}
