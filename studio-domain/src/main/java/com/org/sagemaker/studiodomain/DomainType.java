package com.org.sagemaker.studiodomain;

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
import software.amazon.awssdk.services.sagemaker.model.DescribeDomainResponse;
import software.amazon.awssdk.services.sagemaker.model.ListDomainsResponse;
import software.amazon.awssdk.services.sagemaker.model.UpdateDomainRequest;
import software.amazon.cloudformation.Action;
import software.amazon.cloudformation.proxy.HandlerErrorCode;
import software.amazon.cloudformation.proxy.Logger;
import software.amazon.cloudformation.proxy.ResourceHandlerRequest;

/**
 * A Studio domain in the shared lifecycle: identified by its DomainId (read-only, known once
 * CreateDomain answers). Its own steps: deleting domains a retried CreateDomain duplicated ({@link
 * DuplicateDomains}), naming apps that block an update ({@link BlockingApps}), and refusing to
 * delete a domain that still holds profiles or spaces ({@link Dependents}).
 */
public final class DomainType
    extends StudioType<
        ResourceModel, CallbackContext, DescribeDomainResponse, UpdateDomainRequest> {

  private final DomainTimings timings;

  public DomainType(final DomainTimings timings) {
    super(
        ResourceModel.TYPE_NAME,
        Translator.RESOURCE_SCHEMA,
        CallbackContext::new,
        () -> ResourceModel.builder().build());
    this.timings = timings;
  }

  @Override
  public String label(final ResourceModel model) {
    return label(model.getDomainId() != null ? model.getDomainId() : model.getDomainName());
  }

  static String label(final String domain) {
    return "Domain " + domain;
  }

  @Override
  public void requireIdentifier(final ResourceModel model) {
    if (model == null || model.getDomainId() == null || model.getDomainId().isBlank()) {
      throw new HandlerFailure(
          HandlerErrorCode.InvalidRequest, "DomainId is required to find the domain.");
    }
  }

  @Override
  public SageMakerCall<ResourceModel, ?, DescribeDomainResponse> describeCall() {
    return SageMakerCall.of(
        callGraph("DescribeDomain"), Translator::toDescribeRequest, c -> c::describeDomain);
  }

  @Override
  public Described<DescribeDomainResponse> described(final DescribeDomainResponse domain) {
    return new Described<>(
        domain, domain.statusAsString(), domain.failureReason(), domain.domainArn());
  }

  @Override
  public void noteDescribed(final ResourceModel model, final DescribeDomainResponse domain) {
    model.setDomainArn(domain.domainArn());
  }

  @Override
  public ResourceModel fromDescribe(
      final DescribeDomainResponse domain,
      final Map<String, String> tags,
      final Set<String> stackOnlyKeys) {
    return Translator.fromDescribe(domain, tags, stackOnlyKeys);
  }

  @Override
  public ListCall<ResourceModel, ?, ?> listCall(final ResourceModel model) {
    return new ListCall<>(
        callGraph("ListDomains"),
        Translator::toListRequest,
        c -> c::listDomains,
        response -> response.domains().stream().map(Translator::fromSummary).toList(),
        ListDomainsResponse::nextToken);
  }

  @Override
  public void validateCreate(final ResourceModel model) {
    DomainRules.validate(model);
  }

  @Override
  public SageMakerCall<ResourceModel, ?, ?> createCall(final Map<String, String> tags) {
    return new SageMakerCall<>(
        callGraph("CreateDomain"),
        model -> Translator.toCreateRequest(model, tags),
        c -> c::createDomain,
        // Every later event must carry the primary identifier.
        (model, response) -> model.setDomainId(response.domainId()));
  }

  @Override
  public List<Step<ResourceModel, CallbackContext>> afterCreate(
      final ResourceHandlerRequest<ResourceModel> request) {
    return List.of(
        Step.once(
            Action.CREATE,
            CallbackContext::isDuplicatesChecked,
            context -> context.setDuplicatesChecked(true),
            (client, progress, logger) ->
                DuplicateDomains.delete(
                    client, progress, request.getClientRequestToken(), logger)));
  }

  @Override
  public void validateUpdate(final ResourceModel desired, final ResourceModel previous) {
    DomainRules.validateUpdate(desired, previous);
  }

  @Override
  public Optional<UpdateDomainRequest> updateRequest(
      final ResourceModel desired,
      final ResourceModel previous,
      final boolean rollback,
      final Logger logger) {
    return Translator.toUpdateRequest(desired, previous, rollback, logger);
  }

  @Override
  public SageMakerCall<ResourceModel, UpdateDomainRequest, ?> updateCall(
      final UpdateDomainRequest update) {
    return SageMakerCall.of(callGraph("UpdateDomain"), model -> update, c -> c::updateDomain);
  }

  @Override
  public List<Step<ResourceModel, CallbackContext>> beforeUpdate(
      final ResourceModel previous, final UpdateDomainRequest update) {
    return List.of(
        Step.once(
            Action.UPDATE,
            CallbackContext::isAppsChecked,
            context -> context.setAppsChecked(true),
            (client, progress, logger) -> BlockingApps.check(client, progress, previous, update)));
  }

  @Override
  public List<Step<ResourceModel, CallbackContext>> beforeDelete() {
    return List.of(
        Step.once(
            Action.DELETE,
            CallbackContext::isDependentsChecked,
            context -> context.setDependentsChecked(true),
            (client, progress, logger) ->
                Dependents.check(
                    client,
                    progress,
                    timings.delete(),
                    callGraph("AwaitDependentsDeleted"),
                    logger)));
  }

  @Override
  public SageMakerCall<ResourceModel, ?, ?> deleteCall() {
    return SageMakerCall.of(
        callGraph("DeleteDomain"), Translator::toDeleteRequest, c -> c::deleteDomain);
  }
}
