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
 * Updates in place: wait until the domain is not busy, UpdateDomain with what changed and wait for
 * InService again, then apply tag changes with DeleteTags/AddTags.
 */
public class UpdateHandler extends BaseHandlerStd {

  static final String AWAIT_READY = "Org-SageMaker-StudioDomain::AwaitReadyForUpdate";
  static final String UPDATE_DOMAIN = "Org-SageMaker-StudioDomain::UpdateDomain";

  private static final SchemaRules SCHEMA_RULES =
      new SchemaRules(new Configuration().resourceSchemaJSONObject());

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
                            isInService(
                                client,
                                m,
                                context,
                                timings.update(),
                                AWAIT_READY,
                                described,
                                logger))
                    .handleError(
                        (describeRequest, e, client, m, context) ->
                            ErrorRules.handle(Action.UPDATE, e, m, context))
                    .progress())
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
                    Action.UPDATE));
  }

  /** Known once the domain was described in this invocation; described again otherwise. */
  private static String domainArn(
      final ProxyClient<SageMakerClient> client, final ResourceModel model) {
    return model.getDomainArn() != null
        ? model.getDomainArn()
        : describe(client, model).domainArn();
  }
}
