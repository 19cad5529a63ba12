package com.portfolio.bridge.api;

import com.portfolio.bridge.bus.DomainEvent;
import com.portfolio.bridge.bus.EventDecoder;
import com.portfolio.bridge.bus.PoisonEventException;
import com.portfolio.bridge.commands.Command;
import com.portfolio.bridge.commands.CommandDecoder;
import com.portfolio.bridge.config.BridgeConfig;
import com.portfolio.bridge.vocabulary.EventKind;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonValue;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.io.InputStream;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;

/**
 * What backends send, published onto the bus as a JMS producer would send it, so every node acts
 * on it; 202. Events (POST /notifications, /messages) follow the bus contract's document and rules,
 * the routing key in the document or the query; room membership and disconnects are published as
 * the join, leave and disconnect commands.
 */
@Path("/")
@Produces(MediaType.APPLICATION_JSON)
public class PublishResource {

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
        return publishEvent(EventKind.NOTIFICATION, userId, body);
    }

    @POST
    @Path("messages")
    @Operation(summary = "Publish a message:new to a conversation's room, on every node")
    @RequestBody(content = @Content(mediaType = "application/json", examples = @ExampleObject(name = "message",
            value = "{\"_id\":\"m1\",\"conversationId\":\"c42\",\"text\":\"hi\"}")))
    @APIResponse(responseCode = "202", description = "published")
    @APIResponse(responseCode = "400", description = "no or invalid conversationId, or not a JSON object (problem document)")
    public Response message(@QueryParam("conversationId") String conversationId, InputStream body) {
        return publishEvent(EventKind.MESSAGE, conversationId, body);
    }

    @PUT
    @Path("conversations/{conversationId}/members/{userId}")
    @Operation(summary = "Every socket the user has now joins the conversation (the join command)")
    @APIResponse(responseCode = "202", description = "published")
    public Response join(@PathParam("conversationId") String conversationId, @PathParam("userId") String userId) {
        return membership("join", conversationId, userId);
    }

    @DELETE
    @Path("conversations/{conversationId}/members/{userId}")
    @Operation(summary = "Every socket of the user leaves the conversation (the leave command)")
    @APIResponse(responseCode = "202", description = "published")
    public Response leave(@PathParam("conversationId") String conversationId, @PathParam("userId") String userId) {
        return membership("leave", conversationId, userId);
    }

    /** Body (optional): {@code {"reason": "...", "revokeIssuedBefore": <epoch seconds> | "now"}}. */
    @POST
    @Path("users/{userId}/disconnect")
    @Operation(summary = "End every socket of the user; optionally refuse its tokens issued before an instant")
    @RequestBody(required = false, content = @Content(mediaType = "application/json", examples = @ExampleObject(
            name = "logout everywhere", value = "{\"reason\":\"logout\",\"revokeIssuedBefore\":\"now\"}")))
    @APIResponse(responseCode = "202", description = "published")
    public Response disconnect(@PathParam("userId") String userId, InputStream in) {
        String body = Bodies.read(in, config.maxEventBytes());
        JsonObject options;
        try {
            options = body.isBlank() ? JsonValue.EMPTY_JSON_OBJECT : EventDecoder.parseObject(body);
        } catch (PoisonEventException e) {
            throw new WebApplicationException(Problem.badRequest("body", e.reason()));
        }
        JsonObjectBuilder command = Json.createObjectBuilder(options).add("op", "disconnect").add("userId", userId);
        // "now" is fixed here, once: a node applying the command later must not revoke newer tokens.
        if (options.get("revokeIssuedBefore") instanceof jakarta.json.JsonString s && "now".equals(s.getString())) {
            command.add("revokeIssuedBefore", Instant.now().truncatedTo(ChronoUnit.SECONDS).getEpochSecond());
        }
        return publishCommand(command);
    }

    private Response publishEvent(EventKind kind, String queryKey, InputStream in) {
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

    private Response membership(String op, String conversationId, String userId) {
        return publishCommand(Json.createObjectBuilder().add("op", op).add("userId", userId)
                .add("conversationId", conversationId));
    }

    private Response publishCommand(JsonObjectBuilder builder) {
        String json = builder.build().toString();
        Command command;
        try {
            command = CommandDecoder.decode(json, Instant::now);
        } catch (PoisonEventException e) {
            String field = Bodies.field(e.reason(), "userId", "conversationId", "reason", "revokeIssuedBefore");
            throw new WebApplicationException(Problem.badRequest(field, e.reason()));
        }
        String id = publisher.publish(EventKind.COMMAND, command.userId(), json);
        return Response.accepted(Json.createObjectBuilder().add("id", id).build().toString()).build();
    }
}
