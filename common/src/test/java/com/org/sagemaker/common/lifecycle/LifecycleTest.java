package com.org.sagemaker.common.lifecycle;

import static com.org.sagemaker.common.HandlerTestSupport.serviceError;
import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.org.sagemaker.common.Backoff;
import com.org.sagemaker.common.HandlerFailure;
import com.org.sagemaker.common.HandlerTestSupport;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.json.JSONObject;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.sagemaker.SageMakerClient;
import software.amazon.awssdk.services.sagemaker.model.CreateDomainRequest;
import software.amazon.awssdk.services.sagemaker.model.CreateDomainResponse;
import software.amazon.awssdk.services.sagemaker.model.DeleteDomainRequest;
import software.amazon.awssdk.services.sagemaker.model.DeleteDomainResponse;
import software.amazon.awssdk.services.sagemaker.model.DescribeDomainRequest;
import software.amazon.awssdk.services.sagemaker.model.DescribeDomainResponse;
import software.amazon.awssdk.services.sagemaker.model.DomainDetails;
import software.amazon.awssdk.services.sagemaker.model.ListDomainsRequest;
import software.amazon.awssdk.services.sagemaker.model.ListDomainsResponse;
import software.amazon.awssdk.services.sagemaker.model.ListTagsRequest;
import software.amazon.awssdk.services.sagemaker.model.UpdateDomainRequest;
import software.amazon.awssdk.services.sagemaker.model.UpdateDomainResponse;
import software.amazon.cloudformation.Action;
import software.amazon.cloudformation.proxy.AmazonWebServicesClientProxy;
import software.amazon.cloudformation.proxy.HandlerErrorCode;
import software.amazon.cloudformation.proxy.Logger;
import software.amazon.cloudformation.proxy.OperationStatus;
import software.amazon.cloudformation.proxy.ProgressEvent;
import software.amazon.cloudformation.proxy.ResourceHandlerRequest;
import software.amazon.cloudformation.proxy.StdCallbackContext;

/**
 * The shared lifecycle, for a minimal type of its own (a "thing" that SageMaker's domain calls
 * stand for), so that each rule is checked here once, whatever the real types add.
 */
class LifecycleTest {

  private static final String ARN = "arn:aws:sagemaker:us-east-1:123456789012:domain/d-1";

  /** A resource model: an identifier known only once created, a name, and one setting. */
  static final class Thing {
    @JsonProperty("Id")
    String id;

    @JsonProperty("Name")
    String name;

    @JsonProperty("Setting")
    String setting;

    Thing() {}

    Thing(final String id, final String name, final String setting) {
      this.id = id;
      this.name = name;
      this.setting = setting;
    }
  }

  static final class Context extends StdCallbackContext implements LifecycleContext {
    private long startedAt;
    private long invokedAt;
    private long waited;
    private boolean created;

    @Override
    public long getStartedAtMillis() {
      return startedAt;
    }

    @Override
    public void setStartedAtMillis(final long millis) {
      startedAt = millis;
    }

    @Override
    public long getInvokedAtMillis() {
      return invokedAt;
    }

    @Override
    public void setInvokedAtMillis(final long millis) {
      invokedAt = millis;
    }

    @Override
    public long getWaitedSeconds() {
      return waited;
    }

    @Override
    public void setWaitedSeconds(final long seconds) {
      waited = seconds;
    }

    @Override
    public boolean isCreated() {
      return created;
    }

    @Override
    public void setCreated(final boolean created) {
      this.created = created;
    }
  }

  private record TestTimings(Backoff create, Backoff update, Backoff delete, Clock clock)
      implements Timings {}

  /** The type: the domain API under other names, with rules a test can switch on. */
  private static final class ThingType
      extends StudioType<Thing, Context, DescribeDomainResponse, UpdateDomainRequest> {

    String refusal;

    ThingType() {
      super(
          "Test::Thing",
          new JSONObject("{\"properties\": {}, \"createOnlyProperties\": [\"/properties/Name\"]}"),
          Context::new,
          Thing::new);
    }

    @Override
    public String label(final Thing model) {
      return "Thing " + model.id;
    }

    @Override
    public void requireIdentifier(final Thing model) {
      if (model == null || model.id == null) {
        throw new HandlerFailure(HandlerErrorCode.InvalidRequest, "Id is required");
      }
    }

    @Override
    public SageMakerCall<Thing, ?, DescribeDomainResponse> describeCall() {
      return SageMakerCall.of(
          callGraph("Describe"),
          m -> DescribeDomainRequest.builder().domainId(m.id).build(),
          c -> c::describeDomain);
    }

    @Override
    public Described<DescribeDomainResponse> described(final DescribeDomainResponse response) {
      return new Described<>(
          response, response.statusAsString(), response.failureReason(), response.domainArn());
    }

    @Override
    public void noteDescribed(final Thing model, final DescribeDomainResponse response) {}

    @Override
    public Thing fromDescribe(
        final DescribeDomainResponse response,
        final Map<String, String> tags,
        final Set<String> stackOnlyKeys) {
      return new Thing(response.domainId(), response.domainName(), tags.get("setting"));
    }

    @Override
    public ListCall<Thing, ?, ?> listCall(final Thing model) {
      return new ListCall<>(
          callGraph("List"),
          token -> ListDomainsRequest.builder().nextToken(token).build(),
          c -> c::listDomains,
          r -> r.domains().stream().map(d -> new Thing(d.domainId(), null, null)).toList(),
          ListDomainsResponse::nextToken);
    }

    @Override
    public void validateCreate(final Thing model) {
      refuseIfAsked();
    }

    @Override
    public SageMakerCall<Thing, ?, ?> createCall(final Map<String, String> tags) {
      return new SageMakerCall<>(
          callGraph("Create"),
          m -> CreateDomainRequest.builder().domainName(m.name).build(),
          c -> c::createDomain,
          (m, r) -> m.id = r.domainId());
    }

    @Override
    public void validateUpdate(final Thing desired, final Thing previous) {
      refuseIfAsked();
    }

    @Override
    public Optional<UpdateDomainRequest> updateRequest(
        final Thing desired, final Thing previous, final boolean rollback, final Logger logger) {
      if (rollback) {
        logger.log("rollback");
      }
      return java.util.Objects.equals(desired.setting, previous.setting)
          ? Optional.empty()
          : Optional.of(
              UpdateDomainRequest.builder()
                  .domainId(desired.id)
                  .tagPropagation(desired.setting)
                  .build());
    }

    @Override
    public SageMakerCall<Thing, UpdateDomainRequest, ?> updateCall(final UpdateDomainRequest u) {
      return SageMakerCall.of(callGraph("Update"), m -> u, c -> c::updateDomain);
    }

    @Override
    public SageMakerCall<Thing, ?, ?> deleteCall() {
      return SageMakerCall.of(
          callGraph("Delete"),
          m -> DeleteDomainRequest.builder().domainId(m.id).build(),
          c -> c::deleteDomain);
    }

    private void refuseIfAsked() {
      if (refusal != null) {
        throw new HandlerFailure(HandlerErrorCode.InvalidRequest, refusal);
      }
    }
  }

  private final SageMakerClient sageMaker = mock(SageMakerClient.class);
  private final AmazonWebServicesClientProxy proxy = HandlerTestSupport.callbackProxy();
  private final Logger logger = mock(Logger.class);
  private final ThingType type = new ThingType();
  private final Lifecycle<Thing, Context, DescribeDomainResponse, UpdateDomainRequest> lifecycle =
      new Lifecycle<>(
          type,
          new TestTimings(
              Backoff.shortest(5),
              Backoff.shortest(5),
              Backoff.shortest(5),
              Clock.fixed(Instant.EPOCH, ZoneOffset.UTC)),
          () -> sageMaker);

  private List<ProgressEvent<Thing, Context>> run(
      final Action action, final ResourceHandlerRequest<Thing> request) {
    return HandlerTestSupport.untilDone(
        null, context -> lifecycle.handle(action, proxy, request, context, logger), 10);
  }

  private static ResourceHandlerRequest<Thing> request(final Thing previous, final Thing desired) {
    return ResourceHandlerRequest.<Thing>builder()
        .previousResourceState(previous)
        .desiredResourceState(desired)
        .clientRequestToken("token")
        .build();
  }

  private static DescribeDomainResponse thing(final String status) {
    return DescribeDomainResponse.builder()
        .domainId("d-1")
        .domainName("thing")
        .domainArn(ARN)
        .status(status)
        .failureReason("Failed".equals(status) ? "No capacity" : null)
        .build();
  }

  private void givenStatuses(final String... statuses) {
    var stubbing =
        when(sageMaker.describeDomain(any(DescribeDomainRequest.class)))
            .thenReturn(thing(statuses[0]));
    for (int i = 1; i < statuses.length; i++) {
      stubbing = stubbing.thenReturn(thing(statuses[i]));
    }
    when(sageMaker.listTags(any(ListTagsRequest.class)))
        .thenReturn(HandlerTestSupport.listTagsResponse(Map.of("setting", "from-tags")));
  }

  private static ProgressEvent<Thing, Context> last(
      final List<ProgressEvent<Thing, Context>> events) {
    return events.get(events.size() - 1);
  }

  @Test
  void aCreateCallsOnceWaitsForInServiceAndReads() {
    givenStatuses("InService");
    when(sageMaker.createDomain(any(CreateDomainRequest.class)))
        .thenReturn(CreateDomainResponse.builder().domainId("d-1").build());

    final List<ProgressEvent<Thing, Context>> events =
        run(Action.CREATE, request(null, new Thing(null, "thing", null)));

    assertThat(events.get(0).getStatus()).isEqualTo(OperationStatus.IN_PROGRESS);
    assertThat(events.get(0).getResourceModel().id)
        .as("the identifier, from the call")
        .isEqualTo("d-1");
    assertThat(last(events).getStatus()).isEqualTo(OperationStatus.SUCCESS);
    assertThat(last(events).getResourceModel().setting).isEqualTo("from-tags");
    verify(sageMaker).createDomain(any(CreateDomainRequest.class));
  }

  @Test
  void aCreateRefusedBeforeItsCallReportsNoModel() {
    type.refusal = "bad input";

    final ProgressEvent<Thing, Context> event =
        last(run(Action.CREATE, request(null, new Thing("d-taken", "thing", null))));

    assertThat(event.getErrorCode()).isEqualTo(HandlerErrorCode.InvalidRequest);
    assertThat(event.getResourceModel()).as("nothing for the rollback to delete").isNull();
  }

  @Test
  void aCreateCallThatFailsReportsNoModelAndATakenNameIsAlreadyExists() {
    when(sageMaker.createDomain(any(CreateDomainRequest.class)))
        .thenThrow(serviceError(400, "AccessDeniedException", "no"))
        .thenThrow(serviceError(400, "ResourceInUse", "taken"));

    final ProgressEvent<Thing, Context> denied =
        last(run(Action.CREATE, request(null, new Thing("d-x", "thing", null))));
    final ProgressEvent<Thing, Context> taken =
        last(run(Action.CREATE, request(null, new Thing("d-x", "thing", null))));

    assertThat(denied.getErrorCode()).isEqualTo(HandlerErrorCode.AccessDenied);
    assertThat(denied.getResourceModel()).isNull();
    assertThat(taken.getErrorCode()).isEqualTo(HandlerErrorCode.AlreadyExists);
    assertThat(taken.getResourceModel()).isNull();
  }

  @Test
  void aCreateThatFailsAfterItsCallReportsTheResourceForTheRollbackToDelete() {
    givenStatuses("Failed");
    when(sageMaker.createDomain(any(CreateDomainRequest.class)))
        .thenReturn(CreateDomainResponse.builder().domainId("d-1").build());

    final ProgressEvent<Thing, Context> event =
        last(run(Action.CREATE, request(null, new Thing(null, "thing", null))));

    assertThat(event.getErrorCode()).isEqualTo(HandlerErrorCode.NotStabilized);
    assertThat(event.getMessage()).isEqualTo("Thing d-1 is Failed: No capacity");
    assertThat(event.getResourceModel().id).isEqualTo("d-1");
  }

  @Test
  void anUpdateOfWhatDoesNotExistIsNotFoundBeforeAnyInputCheck() {
    type.refusal = "bad input";
    when(sageMaker.describeDomain(any(DescribeDomainRequest.class)))
        .thenThrow(serviceError(400, "ResourceNotFound", "gone"));

    final ProgressEvent<Thing, Context> event =
        last(
            run(
                Action.UPDATE,
                request(new Thing("d-1", "thing", "a"), new Thing("d-1", "other", "b"))));

    assertThat(event.getErrorCode()).isEqualTo(HandlerErrorCode.NotFound);
  }

  @Test
  void anUpdateChecksCreateOnlyPropertiesThenCallsAndWaits() {
    givenStatuses("InService", "Updating", "InService");
    when(sageMaker.updateDomain(any(UpdateDomainRequest.class)))
        .thenReturn(UpdateDomainResponse.builder().build());

    final ProgressEvent<Thing, Context> renamed =
        last(
            run(
                Action.UPDATE,
                request(new Thing("d-1", "thing", "a"), new Thing("d-1", "other", "a"))));
    final ProgressEvent<Thing, Context> updated =
        last(
            run(
                Action.UPDATE,
                request(new Thing("d-1", "thing", "a"), new Thing("d-1", "thing", "b")).toBuilder()
                    .rollback(true)
                    .build()));

    assertThat(renamed.getErrorCode()).isEqualTo(HandlerErrorCode.NotUpdatable);
    assertThat(updated.getStatus()).isEqualTo(OperationStatus.SUCCESS);
    verify(sageMaker).updateDomain(any(UpdateDomainRequest.class));
    verify(logger, org.mockito.Mockito.atLeastOnce()).log("rollback");
  }

  @Test
  void anUpdateWithNothingChangedCallsNoUpdate() {
    givenStatuses("InService");

    final ProgressEvent<Thing, Context> event =
        last(
            run(
                Action.UPDATE,
                request(new Thing("d-1", "thing", "a"), new Thing("d-1", "thing", "a"))));

    assertThat(event.getStatus()).isEqualTo(OperationStatus.SUCCESS);
    verify(sageMaker, never()).updateDomain(any(UpdateDomainRequest.class));
  }

  @Test
  void aDeleteWaitsUntilTheResourceIsGone() {
    when(sageMaker.describeDomain(any(DescribeDomainRequest.class)))
        .thenReturn(thing("InService"), thing("Deleting"))
        .thenThrow(serviceError(400, "ResourceNotFound", "gone"));
    when(sageMaker.deleteDomain(any(DeleteDomainRequest.class)))
        .thenReturn(DeleteDomainResponse.builder().build());

    final List<ProgressEvent<Thing, Context>> events =
        run(Action.DELETE, request(null, new Thing("d-1", "thing", null)));

    assertThat(last(events).getStatus()).isEqualTo(OperationStatus.SUCCESS);
    assertThat(last(events).getResourceModel()).isNull();
    verify(sageMaker).deleteDomain(any(DeleteDomainRequest.class));
  }

  @Test
  void aReadOfADeletingResourceIsNotFoundAndOneWithoutIdentifierIsInvalid() {
    givenStatuses("Deleting");

    assertThat(last(run(Action.READ, request(null, new Thing("d-1", null, null)))).getErrorCode())
        .isEqualTo(HandlerErrorCode.NotFound);
    assertThat(last(run(Action.READ, request(null, new Thing()))).getErrorCode())
        .isEqualTo(HandlerErrorCode.InvalidRequest);
  }

  @Test
  void aListWithoutAModelAnswersOnePage() {
    when(sageMaker.listDomains(any(ListDomainsRequest.class)))
        .thenReturn(
            ListDomainsResponse.builder()
                .domains(DomainDetails.builder().domainId("d-1").build())
                .nextToken("next")
                .build());

    final ProgressEvent<Thing, Context> event = last(run(Action.LIST, request(null, null)));

    assertThat(event.getResourceModels()).extracting(t -> t.id).containsExactly("d-1");
    assertThat(event.getNextToken()).isEqualTo("next");
  }
}
