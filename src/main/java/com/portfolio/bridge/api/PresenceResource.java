package com.portfolio.bridge.api;

import com.portfolio.bridge.bus.EventDecoder;
import com.portfolio.bridge.presence.PresenceService;
import com.portfolio.bridge.presence.RoomPresenceView;
import com.portfolio.bridge.presence.UserPresence;
import com.portfolio.bridge.vocabulary.ConversationIds;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;

/**
 * Who is online, across the cluster, from the state every node keeps of the others'
 * announcements (README, "Presence"): no node is asked anything per query, and a node that died
 * drops out within portfolio.presence.node-timeout-ms.
 */
@Path("/")
@Produces(MediaType.APPLICATION_JSON)
public class PresenceResource {

    @Inject
    private PresenceService presence;

    @GET
    @Path("users/{userId}")
    @Operation(summary = "Whether the user has sockets, how many, and on which nodes")
    @APIResponse(responseCode = "200", description = "the user's presence", content = @Content(
            mediaType = "application/json", examples = @ExampleObject(name = "online on two nodes",
            value = "{\"userId\":\"alice\",\"online\":true,\"sockets\":3,\"nodes\":[\"node-1\",\"node-2\"]}")))
    public String user(@PathParam("userId") String userId) {
        try {
            EventDecoder.validUserId(userId);
        } catch (IllegalArgumentException e) {
            throw new WebApplicationException(Problem.badRequest("userId", e.getMessage()));
        }
        UserPresence user = presence.user(userId);
        return Json.createObjectBuilder().add("userId", userId).add("online", user.online())
                .add("sockets", user.sockets()).add("nodes", Json.createArrayBuilder(user.nodes())).build().toString();
    }

    @GET
    @Path("conversations/{conversationId}")
    @Operation(summary = "How many sockets are in the conversation's room, and whose")
    @APIResponse(responseCode = "200", description = "the room across the cluster", content = @Content(
            mediaType = "application/json", examples = @ExampleObject(name = "two users, three sockets",
            value = "{\"conversationId\":\"c-42\",\"sockets\":3,\"users\":[\"alice\",\"bob\"]}")))
    public String conversation(@PathParam("conversationId") String conversationId) {
        try {
            ConversationIds.validate(conversationId);
        } catch (IllegalArgumentException e) {
            throw new WebApplicationException(Problem.badRequest("conversationId", e.getMessage()));
        }
        RoomPresenceView room = presence.conversation(conversationId);
        return Json.createObjectBuilder().add("conversationId", conversationId).add("sockets", room.sockets())
                .add("users", Json.createArrayBuilder(room.users())).build().toString();
    }
}
