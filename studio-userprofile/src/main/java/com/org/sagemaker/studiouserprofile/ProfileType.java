package com.org.sagemaker.studiouserprofile;

import com.org.sagemaker.common.HandlerFailure;
import com.org.sagemaker.common.lifecycle.Described;
import com.org.sagemaker.common.lifecycle.ListCall;
import com.org.sagemaker.common.lifecycle.SageMakerCall;
import com.org.sagemaker.common.lifecycle.Step;
import com.org.sagemaker.common.lifecycle.StudioType;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import software.amazon.awssdk.services.sagemaker.SageMakerClient;
import software.amazon.awssdk.services.sagemaker.model.DescribeUserProfileResponse;
import software.amazon.awssdk.services.sagemaker.model.ListUserProfilesResponse;
import software.amazon.awssdk.services.sagemaker.model.UpdateUserProfileRequest;
import software.amazon.cloudformation.Action;
import software.amazon.cloudformation.proxy.HandlerErrorCode;
import software.amazon.cloudformation.proxy.Logger;
import software.amazon.cloudformation.proxy.ProgressEvent;
import software.amazon.cloudformation.proxy.ProxyClient;
import software.amazon.cloudformation.proxy.ResourceHandlerRequest;

/**
 * A Studio user profile in the shared lifecycle: identified by DomainId and UserProfileName, both
 * given by the template. Its own steps: a create takes neither a name another operation holds nor a
 * domain that is not InService ({@link ProfileCreation}); a delete first deletes the profile's apps
 * and private spaces ({@link AppCleanup}).
 */
public final class ProfileType
    extends StudioType<
        ResourceModel, CallbackContext, DescribeUserProfileResponse, UpdateUserProfileRequest> {

  private final ProfileTimings timings;

  public ProfileType(final ProfileTimings timings) {
    super(
        ResourceModel.TYPE_NAME,
        Translator.RESOURCE_SCHEMA,
        CallbackContext::new,
        () -> ResourceModel.builder().build());
    this.timings = timings;
  }

  @Override
  public String label(final ResourceModel model) {
    return labelOf(model);
  }

  static String labelOf(final ResourceModel model) {
    return "User profile " + model.getUserProfileName() + " in domain " + model.getDomainId();
  }

  @Override
  public void requireIdentifier(final ResourceModel model) {
    if (model == null || isBlank(model.getDomainId()) || isBlank(model.getUserProfileName())) {
      throw new HandlerFailure(
          HandlerErrorCode.InvalidRequest,
          "DomainId and UserProfileName are required to find the user profile.");
    }
  }

  private static boolean isBlank(final String value) {
    return value == null || value.isBlank();
  }

  @Override
  public SageMakerCall<ResourceModel, ?, DescribeUserProfileResponse> describeCall() {
    return SageMakerCall.of(
        callGraph("DescribeUserProfile"),
        Translator::toDescribeRequest,
        c -> c::describeUserProfile);
  }

  @Override
  public Described<DescribeUserProfileResponse> described(
      final DescribeUserProfileResponse profile) {
    return new Described<>(
        profile, profile.statusAsString(), profile.failureReason(), profile.userProfileArn());
  }

  @Override
  public void noteDescribed(final ResourceModel model, final DescribeUserProfileResponse profile) {
    model.setUserProfileArn(profile.userProfileArn());
  }

  @Override
  public ResourceModel fromDescribe(
      final DescribeUserProfileResponse profile,
      final Map<String, String> tags,
      final Set<String> stackOnlyKeys) {
    return Translator.fromDescribe(profile, tags, stackOnlyKeys);
  }

  /** The profiles of the domain named in the model, or of every domain without one. */
  @Override
  public ListCall<ResourceModel, ?, ?> listCall(final ResourceModel model) {
    final String domainId = isBlank(model.getDomainId()) ? null : model.getDomainId();
    return new ListCall<>(
        callGraph("ListUserProfiles"),
        nextToken -> Translator.toListRequest(domainId, nextToken),
        c -> c::listUserProfiles,
        response -> response.userProfiles().stream().map(Translator::fromSummary).toList(),
        ListUserProfilesResponse::nextToken);
  }

  @Override
  public void validateCreate(final ResourceModel model) {
    requireIdentifier(model);
    ProfileRules.validate(model);
  }

  @Override
  public List<Step<ResourceModel, CallbackContext>> beforeCreate(
      final ResourceHandlerRequest<ResourceModel> request) {
    return List.of(
        Step.once(
            Action.CREATE,
            CallbackContext::isNameChecked,
            context -> context.setNameChecked(true),
            (client, progress, logger) ->
                ProfileCreation.checkNameFree(client, progress, request.getClientRequestToken())),
        Step.once(
            Action.CREATE,
            CallbackContext::isDomainChecked,
            context -> context.setDomainChecked(true),
            (client, progress, logger) ->
                ProfileCreation.checkDomain(
                    client, progress, timings.create(), callGraph("AwaitDomainInService"))));
  }

  @Override
  public SageMakerCall<ResourceModel, ?, ?> createCall(final Map<String, String> tags) {
    return SageMakerCall.of(
        callGraph("CreateUserProfile"),
        model -> Translator.toCreateRequest(model, tags),
        c -> c::createUserProfile);
  }

  @Override
  public ProgressEvent<ResourceModel, CallbackContext> onNameTaken(
      final ProxyClient<SageMakerClient> client,
      final ResourceHandlerRequest<ResourceModel> request,
      final Exception error,
      final ResourceModel model,
      final CallbackContext context) {
    return ProfileCreation.adoptOwn(client, model, context, request.getClientRequestToken());
  }

  @Override
  public void validateUpdate(final ResourceModel desired, final ResourceModel previous) {
    ProfileRules.validate(desired);
  }

  @Override
  public Optional<UpdateUserProfileRequest> updateRequest(
      final ResourceModel desired,
      final ResourceModel previous,
      final boolean rollback,
      final Logger logger) {
    return Translator.toUpdateRequest(desired, previous, rollback, logger);
  }

  @Override
  public SageMakerCall<ResourceModel, UpdateUserProfileRequest, ?> updateCall(
      final UpdateUserProfileRequest update) {
    return SageMakerCall.of(
        callGraph("UpdateUserProfile"), model -> update, c -> c::updateUserProfile);
  }

  @Override
  public List<Step<ResourceModel, CallbackContext>> beforeDelete() {
    return List.of(
        Step.once(
            Action.DELETE,
            CallbackContext::isCleanupDone,
            context -> context.setCleanupDone(true),
            (client, progress, logger) ->
                AppCleanup.run(
                    client,
                    progress,
                    timings.cleanup(),
                    callGraph("AwaitAppsAndSpacesDeleted"),
                    logger)));
  }

  @Override
  public SageMakerCall<ResourceModel, ?, ?> deleteCall() {
    return SageMakerCall.of(
        callGraph("DeleteUserProfile"), Translator::toDeleteRequest, c -> c::deleteUserProfile);
  }
}
