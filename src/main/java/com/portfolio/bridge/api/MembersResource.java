package com.portfolio.bridge.api;

import com.portfolio.bridge.bus.EventDecoder;
import com.portfolio.bridge.vocabulary.EventKind;
import com.portfolio.bridge.bus.PoisonEventException;
import com.portfolio.bridge.commands.Command;
import com.portfolio.bridge.commands.CommandDecoder;
import com.portfolio.bridge.config.BridgeConfig;
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
 * Room membership and disconnects, published as the commands JMS producers send (join, leave,
 * disconnect), so every node applies them; 202.
 */
@Path("/")
@Produces(MediaType.APPLICATION_JSON)
public class MembersResource {

    @Inject
    private BridgeConfig config;

    @Inject
    private Publisher publisher;

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
        return publish(command);
    }

    private Response membership(String op, String conversationId, String userId) {
        return publish(Json.createObjectBuilder().add("op", op).add("userId", userId).add("conversationId", conversationId));
    }

    private Response publish(JsonObjectBuilder builder) {
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
