package com.portfolio.bridge.api;

import com.portfolio.bridge.bus.DomainEvent;
import com.portfolio.bridge.bus.EventDecoder;
import com.portfolio.bridge.vocabulary.EventKind;
import com.portfolio.bridge.bus.PoisonEventException;
import com.portfolio.bridge.config.BridgeConfig;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.io.InputStream;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;

/**
 * POST /notifications and /messages: the bus contract's document and rules over HTTP, the routing
 * key in the document or the query. Published onto the event's topic (every node emits it), 202.
 */
@Path("/")
@Produces(MediaType.APPLICATION_JSON)
public class EventsResource {

    @Inject
    private BridgeConfig config;

    @Inject
    private Publisher publisher;

    @POST
    @Path("notifications")
    @Operation(summary = "Publish a notification:new to every socket of a user, on every node")
    @RequestBody(content = @Content(mediaType = "application/json", examples = @ExampleObject(name = "notification",
            value = "{\"_id\":\"n1\",\"userId\":\"u1\",\"title\":\"Invoice paid\"}")))
    @APIResponse(responseCode = "202", description = "published", content = @Content(mediaType = "application/json",
            examples = @ExampleObject(name = "accepted", value = "{\"id\":\"ID:5f1c…\",\"userId\":\"u1\"}")))
    @APIResponse(responseCode = "400", description = "no or invalid userId, or not a JSON object (problem document)")
    public Response notification(@QueryParam("userId") String userId, InputStream body) {
        return publish(EventKind.NOTIFICATION, userId, body);
    }

    @POST
    @Path("messages")
    @Operation(summary = "Publish a message:new to a conversation's room, on every node")
    @RequestBody(content = @Content(mediaType = "application/json", examples = @ExampleObject(name = "message",
            value = "{\"_id\":\"m1\",\"conversationId\":\"c42\",\"text\":\"hi\"}")))
    @APIResponse(responseCode = "202", description = "published")
    @APIResponse(responseCode = "400", description = "no or invalid conversationId, or not a JSON object (problem document)")
    public Response message(@QueryParam("conversationId") String conversationId, InputStream body) {
        return publish(EventKind.MESSAGE, conversationId, body);
    }

    private Response publish(EventKind kind, String queryKey, InputStream in) {
        String body = Bodies.read(in, config.maxEventBytes());
        DomainEvent event;
        try {
            event = EventDecoder.decode(kind, body, queryKey);
        } catch (PoisonEventException e) {
            throw new WebApplicationException(Problem.badRequest(Bodies.field(e.reason(), kind.routingKey()), e.reason()));
        }
        String id = publisher.publish(kind, event.routingKey(), event.documentJson());
        return Response.accepted(Json.createObjectBuilder().add("id", id).add(kind.routingKey(), event.routingKey())
                .build().toString()).build();
    }
}
