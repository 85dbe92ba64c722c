package com.org.sagemaker.studiodomain;

import com.org.sagemaker.common.ErrorRules;
import com.org.sagemaker.common.SchemaRules;
import com.org.sagemaker.common.Stabilization;
import com.org.sagemaker.common.Tagging;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;
import software.amazon.awssdk.services.sagemaker.SageMakerClient;
import software.amazon.awssdk.services.sagemaker.model.DescribeDomainResponse;
import software.amazon.awssdk.services.sagemaker.model.UpdateDomainRequest;
import software.amazon.cloudformation.Action;
import software.amazon.cloudformation.proxy.AmazonWebServicesClientProxy;
import software.amazon.cloudformation.proxy.Logger;
import software.amazon.cloudformation.proxy.ProgressEvent;
import software.amazon.cloudformation.proxy.ProxyClient;
import software.amazon.cloudformation.proxy.ResourceHandlerRequest;

/**
 * Updates in place: wait until SageMaker accepts an update (InService, or Update_Failed, which an
 * update repairs: so a failed update never blocks the next one or CloudFormation's rollback), check
 * that no app stands in the way, UpdateDomain with what changed and wait for InService again, then
 * apply tag changes with DeleteTags/AddTags. Only a transition that fails after this update's call
 * ends it NotStabilized.
 */
public class UpdateHandler extends BaseHandlerStd {

  static final String AWAIT_READY = "Org-SageMaker-StudioDomain::AwaitReadyForUpdate";
  static final String UPDATE_DOMAIN = "Org-SageMaker-StudioDomain::UpdateDomain";

  private static final SchemaRules SCHEMA_RULES = new SchemaRules(Translator.RESOURCE_SCHEMA);

  public UpdateHandler() {}

  UpdateHandler(final DomainTimings timings, final Supplier<SageMakerClient> client) {
    super(timings, client);
  }

  @Override
  protected ProgressEvent<ResourceModel, CallbackContext> handleRequest(
      final AmazonWebServicesClientProxy proxy,
      final ResourceHandlerRequest<ResourceModel> request,
      final CallbackContext callbackContext,
      final ProxyClient<SageMakerClient> proxyClient,
      final Logger logger) {
    final ResourceModel model = request.getDesiredResourceState();
    final ResourceModel previous = request.getPreviousResourceState();
    requireDomainId(model);
    SCHEMA_RULES.requireCreateOnlyUnchanged(previous, model);
    DomainRules.validateUpdate(model, previous);
    Tagging.requireAllowed(request.getDesiredResourceTags());
    final Optional<UpdateDomainRequest> update = Translator.toUpdateRequest(model, previous);
    final AtomicReference<DescribeDomainResponse> described = new AtomicReference<>();

    return ProgressEvent.progress(model, callbackContext)
        .then(
            progress ->
                proxy
                    .initiate(AWAIT_READY, proxyClient, model, progress.getCallbackContext())
                    .translateToServiceRequest(Translator::toDescribeRequest)
                    .backoffDelay(timings.update())
                    // Nothing to call: this step only waits, and each check describes the domain.
                    .makeServiceCall((describeRequest, client) -> (DescribeDomainResponse) null)
                    .stabilize(
                        (describeRequest, response, client, m, context) ->
                            isReadyForUpdate(client, m, context, described, logger))
                    .handleError(
                        (describeRequest, e, client, m, context) ->
                            ErrorRules.handle(Action.UPDATE, e, m, context))
                    .progress())
        .then(
            progress ->
                update.isEmpty()
                    ? progress
                    : BlockingApps.check(proxyClient, progress, previous, update.get()))
        .then(
            progress ->
                update.isEmpty()
                    ? progress
                    : proxy
                        .initiate(UPDATE_DOMAIN, proxyClient, model, progress.getCallbackContext())
                        .translateToServiceRequest(m -> update.get())
                        .backoffDelay(timings.update())
                        .makeServiceCall(
                            (updateRequest, client) -> {
                              logger.log("Updating domain " + updateRequest.domainId());
                              return client.injectCredentialsAndInvokeV2(
                                  updateRequest, client.client()::updateDomain);
                            })
                        .stabilize(
                            (updateRequest, response, client, m, context) ->
                                !Stabilization.justCalled(context, UPDATE_DOMAIN)
                                    && isInService(
                                        client,
                                        m,
                                        context,
                                        timings.update(),
                                        UPDATE_DOMAIN,
                                        described,
                                        logger))
                        .handleError(
                            (updateRequest, e, client, m, context) ->
                                ErrorRules.handle(Action.UPDATE, e, m, context))
                        .progress())
        .then(
            progress ->
                Tagging.update(
                    proxyClient,
                    () -> domainArn(proxyClient, model),
                    request.getPreviousResourceTags(),
                    request.getDesiredResourceTags(),
                    progress))
        .then(
            progress ->
                ReadHandler.read(
                    proxy,
                    proxyClient,
                    model,
                    progress.getCallbackContext(),
                    described.get(),
                    Action.UPDATE,
                    Tagging.stackOnlyKeys(request.getDesiredResourceTags(), model)));
  }

  /** Describes the domain: may UpdateDomain be called now? See {@link Stabilization}. */
  private boolean isReadyForUpdate(
      final ProxyClient<SageMakerClient> client,
      final ResourceModel model,
      final CallbackContext context,
      final AtomicReference<DescribeDomainResponse> described,
      final Logger logger) {
    final DescribeDomainResponse domain = look(client, model, described, logger);
    return Stabilization.readyForUpdate(
        "Domain " + model.getDomainId(),
        domain.statusAsString(),
        domain.failureReason(),
        timings.update(),
        context,
        AWAIT_READY);
  }

  /** Known once the domain was described in this invocation; described again otherwise. */
  private static String domainArn(
      final ProxyClient<SageMakerClient> client, final ResourceModel model) {
    return model.getDomainArn() != null
        ? model.getDomainArn()
        : describe(client, model).domainArn();
  }
}
